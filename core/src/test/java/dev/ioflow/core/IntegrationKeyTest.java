package dev.ioflow.core;

import static dev.ioflow.core.RenderFixtures.ioProduct;
import static dev.ioflow.core.RenderFixtures.product;
import static dev.ioflow.core.RenderFixtures.types;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ioflow.core.RenderFixtures.Catalog;
import dev.ioflow.core.RenderFixtures.CatalogVersion;
import dev.ioflow.core.RenderFixtures.Media;
import dev.ioflow.core.RenderFixtures.Product;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntegrationKeyTest {

    enum Kind { SHIPPING, BILLING }

    record Address(String owner, String street, Kind kind, Date since, Instant verified, BigDecimal lot) {
    }

    private static PayloadRenderer addresses(String... uniqueAttributes) {
        IntegrationObject io = IntegrationObject.builder("ioAddress")
                .item("Address", i -> {
                    i.root();
                    for (String name : uniqueAttributes) {
                        i.attribute(name, a -> a.unique());
                    }
                })
                .build();
        return PayloadRenderer.of(io, JavaTypeSystem.of(Address.class));
    }

    private static Address address(String owner, String street) {
        return new Address(owner, street, Kind.BILLING, new Date(1589376000000L), Instant.ofEpochMilli(1589376000123L),
                new BigDecimal("1E+2"));
    }

    @Test
    void isTheValueOfASingleKeyAttribute() {
        assertThat(addresses("owner").integrationKey(address("c1", "Main Street"))).isEqualTo("c1");
    }

    @Test
    void expandsUniqueReferencesAndOrdersPartsByItemCodeAndAttributeName() {
        // CatalogVersion_version < Catalog_id < Product_code ('V' sorts before '_')
        assertThat(PayloadRenderer.of(ioProduct(), types()).integrationKey(product("P1"))).isEqualTo("Staged|Default|P1");
    }

    @Test
    void ordersPartsByAttributeNameNotByDefinitionOrder() {
        assertThat(addresses("street", "owner").integrationKey(address("c1", "Main"))).isEqualTo("c1|Main");
    }

    @Test
    void urlEncodesEachValueAsUtf8WithUrlEncoderRules() {
        String key = addresses("owner", "street").integrationKey(address("a|b", "Müllerstraße 5/7"));

        assertThat(key).isEqualTo("a%7Cb|M%C3%BCllerstra%C3%9Fe+5%2F7");
    }

    @Test
    void writesDatesAsEpochMillisEnumsByNameAndDecimalsWithoutExponent() {
        String key = addresses("owner", "kind", "since", "verified", "lot").integrationKey(address("c1", "Main"));

        // ordered: Address_kind, Address_lot, Address_owner, Address_since, Address_verified
        assertThat(key).isEqualTo("BILLING|100|c1|1589376000000|1589376000123");
    }

    record Delivery(String id, LocalDate day, LocalDateTime slot) {
    }

    @Test
    void writesLocalDatesAndDateTimesAsEpochMillisAtUtcLikeTheSapStyle() {
        IntegrationObject io = IntegrationObject.builder("ioDelivery")
                .item("Delivery", i -> i.root().attribute("day", a -> a.unique()).attribute("slot", a -> a.unique()))
                .build();
        PayloadRenderer sap = PayloadRenderer.builder(io, JavaTypeSystem.of(Delivery.class)).style(PayloadStyle.SAP).build();
        Delivery delivery = new Delivery("d1", LocalDate.of(2020, 5, 13), LocalDateTime.of(2020, 5, 13, 13, 20));

        assertThat(sap.integrationKey(delivery)).isEqualTo("1589328000000|1589376000000");
        assertThat(sap.renderJson(delivery)).asString(StandardCharsets.UTF_8)
                .contains("\"day\":\"/Date(1589328000000)/\"", "\"slot\":\"/Date(1589376000000)/\"");
    }

    @Test
    void isTheSameInThePayloadAsInThePayloadRecord() {
        Payload payload = PayloadRenderer.of(ioProduct(), types()).render(product("P1"));

        assertThat(payload.integrationKey()).isEqualTo("Staged|Default|P1");
        assertThat(payload.jsonString()).endsWith(",\"integrationKey\":\"Staged|Default|P1\"}");
    }

    @Test
    void failsWithThePathOfAMissingKeyValue() {
        Product product = new Product("P1", new CatalogVersion(null, new Catalog("Default", null), true), null, null, null, null, null);

        assertThatThrownBy(() -> PayloadRenderer.of(ioProduct(), types()).integrationKey(product))
                .isInstanceOfSatisfying(MissingKeyValueException.class,
                        e -> assertThat(e.path()).isEqualTo("ioProduct/Product/catalogVersion/CatalogVersion/version"))
                .hasMessage("ioProduct/Product/catalogVersion/CatalogVersion/version: key attribute has no value, so the item has no integration key");
    }

    @Test
    void failsWithThePathOfAMissingKeyReference() {
        Product product = new Product("P1", null, null, null, null, null, null);

        assertThatThrownBy(() -> PayloadRenderer.of(ioProduct(), types()).render(product))
                .isInstanceOfSatisfying(MissingKeyValueException.class,
                        e -> assertThat(e.path()).isEqualTo("ioProduct/Product/catalogVersion"));
    }

    @Test
    void failsWithThePathThroughACollectionWhenANestedItemHasNoKey() {
        IntegrationObject io = IntegrationObject.builder("ioProduct")
                .item("Product", i -> i.root().attribute("code", a -> a.unique()).attribute("images", a -> a.item("Media")))
                .item("Media", i -> i.attribute("mediaCode", a -> a.unique()))
                .build();
        Product product = new Product("P1", null, null, null, null, null, List.of(new Media("m1", null), new Media(null, "x")));

        assertThatThrownBy(() -> PayloadRenderer.of(io, types()).renderJson(product))
                .isInstanceOfSatisfying(MissingKeyValueException.class,
                        e -> assertThat(e.path()).isEqualTo("ioProduct/Product/images[1]/Media/mediaCode"));
    }

    @Test
    void rejectsUniqueReferencesThatNeverEnd() {
        IntegrationObject io = IntegrationObject.builder("ioCategory")
                .item("Category", i -> i.root().attribute("code", a -> a.unique()).attribute("parent", a -> a.unique().item("Category")))
                .build();

        assertThatThrownBy(() -> PayloadRenderer.of(io, types()))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("ioCategory/items/Category: unique references form a cycle");
    }
}
