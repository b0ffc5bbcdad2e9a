package dev.ioflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MapTypeSystemTest {

    private final MapTypeSystem schema = MapTypeSystem.builder()
            .type("Customer", t -> t.attribute("customerID", ValueKind.STRING)
                    .attribute("contactEmail", ValueKind.STRING)
                    .reference("addresses", "Address", true)
                    .localized("name")
                    .collection("tags", ValueKind.STRING))
            .type("Address", t -> t.attribute("town", ValueKind.STRING))
            .discriminator("itemtype")
            .build();

    private final IntegrationObject ioCustomer = IntegrationObject.builder("ioCustomer")
            .item("Customer", i -> i.root()
                    .attribute("customerID", a -> a.source("uid").unique())
                    .attribute("contactEmail")
                    .attribute("addresses", a -> a.item("Address"))
                    .virtualAttribute("fullName", "model://fullName"))
            .item("Address", i -> i.attribute("town", a -> a.unique()))
            .build();

    @Test
    void declaredAttributesKeepTheirKindsInOrder() {
        ItemType customer = schema.require("Customer");

        assertThat(customer.attributes()).extracting(AttributeDescriptor::name, AttributeDescriptor::kind, AttributeDescriptor::many)
                .containsExactly(
                        tuple("customerID", ValueKind.STRING, false),
                        tuple("contactEmail", ValueKind.STRING, false),
                        tuple("addresses", ValueKind.ITEM, true),
                        tuple("name", ValueKind.LOCALIZED, false),
                        tuple("tags", ValueKind.STRING, true));
        assertThat(customer.attribute("addresses").referencedType()).isEqualTo("Address");
    }

    @Test
    void attributesReadTheMapKeyOfTheirName() {
        AttributeAccessor email = schema.require("Customer").attribute("contactEmail").accessor();

        assertThat(email.read(Map.of("itemtype", "Customer", "contactEmail", "c1@example.com"))).isEqualTo("c1@example.com");
        assertThat(email.read(Map.of("itemtype", "Customer"))).isNull();
    }

    @Test
    void readingANonMapItemNamesTheTypeTheClassAndTheKey() {
        AttributeAccessor email = schema.require("Customer").attribute("contactEmail").accessor();

        assertThatThrownBy(() -> email.read("text"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("item type 'Customer' reads Map items, got java.lang.String when reading 'contactEmail'");
    }

    @Test
    void discriminatorNamesTheTypeOfAMap() {
        assertThat(schema.typeOf(Map.of("itemtype", "Address", "town", "Springfield")).code()).isEqualTo("Address");
        assertThat(schema.require("Address").isInstance(Map.of("itemtype", "Address"))).isTrue();
        assertThat(schema.require("Customer").isInstance(Map.of("itemtype", "Address"))).isFalse();
    }

    @Test
    void mapWithoutOrWithAnUnknownDiscriminatorHasNoType() {
        assertThat(schema.typeOf(Map.of("town", "Springfield"))).isNull();
        assertThat(schema.typeOf(Map.of("itemtype", "Order"))).isNull();
        assertThat(schema.typeOf("not a map")).isNull();
    }

    @Test
    void withoutDiscriminatorTypeOfIsEmptyAndEveryMapIsAnInstance() {
        MapTypeSystem plain = MapTypeSystem.builder().type("Customer", t -> t.attribute("customerID", ValueKind.STRING)).build();

        assertThat(plain.discriminator()).isNull();
        assertThat(plain.typeOf(Map.of("customerID", "c1"))).isNull();
        assertThat(plain.require("Customer").isInstance(Map.of("customerID", "c1"))).isTrue();
        assertThat(plain.require("Customer").isInstance(List.of())).isFalse();
    }

    @Test
    void declaringAnAttributeTwiceIsRejected() {
        MapTypeSystem.Builder builder = MapTypeSystem.builder().type("Customer", t -> t.attribute("customerID", ValueKind.STRING));

        assertThatThrownBy(() -> builder.type("Customer", t -> t.localized("customerID")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("type 'Customer' declares attribute 'customerID' twice");
    }

    @Test
    void derivedSchemaHasOneAttributePerNonVirtualSource() {
        MapTypeSystem derived = MapTypeSystem.derivedFrom(ioCustomer);

        assertThat(derived.types()).extracting(ItemType::code).containsExactly("Customer", "Address");
        assertThat(derived.require("Customer").attributes()).extracting(AttributeDescriptor::name)
                .containsExactly("uid", "contactEmail", "addresses");
    }

    @Test
    void derivedSchemaMakesNestedItemsSingleReferencesAndTheRestAny() {
        ItemType customer = MapTypeSystem.derivedFrom(ioCustomer).require("Customer");

        AttributeDescriptor addresses = customer.attribute("addresses");
        assertThat(addresses.kind()).isEqualTo(ValueKind.ITEM);
        assertThat(addresses.referencedType()).isEqualTo("Address");
        assertThat(addresses.many()).isFalse();
        assertThat(customer.attribute("contactEmail").kind()).isEqualTo(ValueKind.ANY);
    }

    @Test
    void derivedSchemaAddsUpSeveralDefinitionsOfOneType() {
        IntegrationObject ioCustomerName = IntegrationObject.builder("ioCustomerName")
                .item("Client", i -> i.type("Customer").root().attribute("uid", a -> a.unique()).attribute("name"))
                .build();

        MapTypeSystem derived = MapTypeSystem.derivedFrom(ioCustomer, ioCustomerName);

        assertThat(derived.require("Customer").attributes()).extracting(AttributeDescriptor::name)
                .containsExactly("uid", "contactEmail", "addresses", "name");
    }

    @Test
    void derivedSchemaTakesAnAttributeReferencingTwoTypesAsPolymorphic() {
        IntegrationObject other = IntegrationObject.builder("ioOther")
                .item("Customer", i -> i.root().attribute("uid", a -> a.unique()).attribute("addresses", a -> a.item("Region")))
                .item("Region", i -> i.attribute("isocode", a -> a.unique()))
                .build();

        MapTypeSystem derived = MapTypeSystem.derivedFrom(ioCustomer, other, ioCustomer);

        assertThat(derived.require("Customer").attribute("addresses").kind()).isEqualTo(ValueKind.ANY);
        assertThat(IntegrationObjectValidator.create().validate(other, derived)).isEmpty();
        assertThat(IntegrationObjectValidator.create().validate(ioCustomer, derived)).isEmpty();
    }

    @Test
    void derivedSchemaTakesTheTypeOfASupertypesDescriptorAsTheSupertype() {
        IntegrationObject variants = IntegrationObject.builder("ioVariant")
                .item("GenericVariantProduct", i -> i.root().attribute("code", a -> a.unique())
                        .attribute("europe1Prices", a -> a.descriptorType("Product").item("PriceRow")))
                .item("PriceRow", i -> i.attribute("price", a -> a.unique()))
                .build();

        MapTypeSystem derived = MapTypeSystem.derivedFrom(variants);

        assertThat(derived.require("GenericVariantProduct").supertype()).isEqualTo("Product");
        assertThat(derived.isSubtype("GenericVariantProduct", "Product")).isTrue();
        assertThat(IntegrationObjectValidator.create().validate(variants, derived)).isEmpty();
        assertThat(IntegrationObjectValidator.create().validate(variants, MapTypeSystem.builder()
                .type("GenericVariantProduct", t -> t.attribute("code", ValueKind.STRING).reference("europe1Prices", "PriceRow", true))
                .type("PriceRow", t -> t.attribute("price", ValueKind.DOUBLE))
                .build())).extracting(DefinitionProblem::message).containsExactly("attribute descriptor 'Product:europe1Prices' "
                + "is of type 'Product', but item 'GenericVariantProduct' is of type 'GenericVariantProduct', which does not extend it");
    }

    @Test
    void derivedSchemaCanHaveADiscriminator() {
        MapTypeSystem derived = MapTypeSystem.builder().deriveFrom(ioCustomer).discriminator("itemtype").build();

        assertThat(derived.typeOf(Map.of("itemtype", "Customer")).code()).isEqualTo("Customer");
    }

    @Test
    void definitionIsValidOverTheSchemaDerivedFromIt() {
        assertThat(IntegrationObjectValidator.create().validate(ioCustomer, MapTypeSystem.derivedFrom(ioCustomer))).isEmpty();
    }
}
