package dev.ioflow.emarsys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ioflow.core.IntegrationObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactMappingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<EmarsysField> ACCOUNT = List.of(
            new EmarsysField(1, "First Name", "shorttext", "first_name"),
            new EmarsysField(3, "Email", "longtext", "email"),
            new EmarsysField(4711, "Customer ID", "shorttext", null),
            new EmarsysField(4712, "Customer type", "singlechoice", null));

    private static JsonNode payload(String json) throws Exception {
        return JSON.readTree(json);
    }

    private static final String CUSTOMER = "{\"customerID\":\"c1\",\"contactEmail\":\"c1@example.com\","
            + "\"firstName\":\"First1\",\"lastName\":\"Last1\",\"integrationKey\":\"c1\"}";

    @Test
    void mapsPayloadAttributesToFieldIdsInDeclarationOrder() throws Exception {
        ContactMapping mapping = ContactMapping.builder()
                .field("contactEmail", 3).field("firstName", 1).field("lastName", 2).build();

        assertThat(mapping.toContact(payload(CUSTOMER)))
                .containsExactly(entry(3, "c1@example.com"), entry(1, "First1"), entry(2, "Last1"));
        assertThat(mapping.keyFieldId()).isEqualTo(3);
    }

    @Test
    void leavesOutAbsentAttributesAndClearsNullOnes() throws Exception {
        ContactMapping mapping = ContactMapping.builder()
                .field("contactEmail", 3).field("firstName", 1).field("phone", 15).build();

        assertThat(mapping.toContact(payload("{\"contactEmail\":\"a@x\",\"firstName\":null}")))
                .containsExactly(entry(3, "a@x"), entry(1, null));
    }

    @Test
    void readsNestedPaths() throws Exception {
        ContactMapping mapping = ContactMapping.builder()
                .field("contactEmail", 3).field("defaultAddress.town", 11).field("defaultAddress.zip", 13).build();

        assertThat(mapping.toContact(payload("{\"contactEmail\":\"a@x\",\"defaultAddress\":{\"town\":\"Berlin\"}}")))
                .containsExactly(entry(3, "a@x"), entry(11, "Berlin"));
    }

    @Test
    void convertsDatesOptInGenderCodesAndCustomFunctions() throws Exception {
        ContactMapping mapping = ContactMapping.builder()
                .field("contactEmail", 3)
                .field("birthDate", 4, ValueConverter.date())
                .field("gender", 5, ValueConverter.gender())
                .field("newsletter", 31, ValueConverter.optIn())
                .field("salutation", 46, ValueConverter.codes(Map.of("MR", "1", "MRS", "2")))
                .field("firstName", 1, ValueConverter.of(String::toUpperCase))
                .build();

        Map<Integer, String> contact = mapping.toContact(payload("{\"contactEmail\":\"a@x\","
                + "\"birthDate\":\"1990-05-17T22:30:00-03:00\",\"gender\":{\"code\":\"FEMALE\"},\"newsletter\":false,"
                + "\"salutation\":\"mrs\",\"firstName\":\"ada\"}"));

        assertThat(contact).containsEntry(4, "1990-05-18").containsEntry(5, "2").containsEntry(31, "2")
                .containsEntry(46, "2").containsEntry(1, "ADA");
    }

    @Test
    void dateConverterAcceptsPlainDatesLocalDateTimesAndEpochMillis() throws Exception {
        ValueConverter date = ValueConverter.date();

        assertThat(date.convert(payload("\"1990-05-17\""))).isEqualTo("1990-05-17");
        assertThat(date.convert(payload("\"1990-05-17T10:15:30\""))).isEqualTo("1990-05-17");
        assertThat(date.convert(payload("\"1990-05-17T10:15:30.123Z\""))).isEqualTo("1990-05-17");
        assertThat(date.convert(payload("642902400000"))).isEqualTo("1990-05-17");
    }

    @Test
    void dateConverterAcceptsOffsetsWithoutColonOrMinutesAndTakesTheDateInTheZone() throws Exception {
        ValueConverter date = ValueConverter.date(java.time.ZoneId.of("Europe/Berlin"));

        assertThat(date.convert(payload("\"1990-05-17T23:30:00+0000\""))).isEqualTo("1990-05-18");
        assertThat(date.convert(payload("\"1990-05-17T23:30:00.000+0200\""))).isEqualTo("1990-05-17");
        assertThat(date.convert(payload("\"1990-05-17T20:30:00-05\""))).isEqualTo("1990-05-18");
        assertThat(date.convert(payload("\"1990-05-17T23:30:00+02:00[Europe/Berlin]\""))).isEqualTo("1990-05-17");
        assertThat(date.convert(payload("\"1990-05-17T23:30:00\""))).isEqualTo("1990-05-17");
    }

    @Test
    void optInConvertsTrueToOne() throws Exception {
        assertThat(ValueConverter.optIn().convert(payload("true"))).isEqualTo("1");
        assertThat(ValueConverter.optIn().convert(payload("\"TRUE\""))).isEqualTo("1");
    }

    @Test
    void badValueNamesTheAttributeAndTheValue() throws Exception {
        ContactMapping mapping = ContactMapping.builder()
                .field("contactEmail", 3).field("birthDate", 4, ValueConverter.date())
                .field("gender", 5, ValueConverter.gender()).build();

        assertThatThrownBy(() -> mapping.toContact(payload("{\"contactEmail\":\"a@x\",\"birthDate\":\"17.05.1990\"}")))
                .isInstanceOf(EmarsysMappingException.class)
                .hasMessage("payload attribute 'birthDate': '17.05.1990' is not an ISO 8601 date or date-time");
        assertThatThrownBy(() -> mapping.toContact(payload("{\"contactEmail\":\"a@x\",\"gender\":\"OTHER\"}")))
                .hasMessage("payload attribute 'gender': 'OTHER' has no Emarsys code; known values: [FEMALE, MALE]");
    }

    @Test
    void objectValueForAScalarFieldSuggestsANestedPath() throws Exception {
        ContactMapping mapping = ContactMapping.builder().field("contactEmail", 3).field("defaultAddress", 10).build();

        assertThatThrownBy(() -> mapping.toContact(payload("{\"contactEmail\":\"a@x\",\"defaultAddress\":{}}")))
                .hasMessageContaining("payload attribute 'defaultAddress': is a JSON object")
                .hasMessageContaining("nested path");
    }

    @Test
    void missingKeyValueIsAMappingErrorNamingTheKeyAttribute() {
        ContactMapping mapping = ContactMapping.builder().field("contactEmail", 3).field("firstName", 1).build();

        assertThatThrownBy(() -> mapping.toContact(payload("{\"firstName\":\"A\"}")))
                .isInstanceOf(EmarsysMappingException.class)
                .hasMessage("the payload has no value for the key attribute 'contactEmail' (Emarsys field 3)");
        assertThatThrownBy(() -> mapping.keyValue(payload("{\"contactEmail\":\" \"}")))
                .isInstanceOf(EmarsysMappingException.class);
    }

    @Test
    void resolvesFieldNamesAndTheKeyFieldByName() throws Exception {
        ContactMapping mapping = ContactMapping.builder()
                .field("contactEmail", "email")
                .field("customerID", "Customer ID")
                .field("firstName", "first name")
                .keyField("Customer ID")
                .build();
        assertThat(mapping.needsResolution()).isTrue();

        ContactMapping resolved = mapping.resolve(ACCOUNT);

        assertThat(resolved.needsResolution()).isFalse();
        assertThat(resolved.keyFieldId()).isEqualTo(4711);
        assertThat(resolved.toContact(payload(CUSTOMER)))
                .containsExactly(entry(3, "c1@example.com"), entry(4711, "c1"), entry(1, "First1"));
        assertThat(resolved.keyValue(payload(CUSTOMER))).isEqualTo("c1");
    }

    @Test
    void unknownFieldNameIsNamedWithItsAttributeAndCloseNames() {
        ContactMapping mapping = ContactMapping.builder()
                .field("contactEmail", 3).field("customerID", "Customer Id.").build();

        assertThatThrownBy(() -> mapping.resolve(ACCOUNT))
                .isInstanceOf(EmarsysMappingException.class)
                .hasMessage("Emarsys field 'Customer Id.' (mapped from payload attribute 'customerID') is not defined "
                        + "in the account; close names: [Customer ID, Customer type]");
    }

    @Test
    void unresolvedMappingCannotMapPayloads() {
        ContactMapping mapping = ContactMapping.builder().field("contactEmail", 3).field("customerID", "Customer ID")
                .build();

        assertThatThrownBy(() -> mapping.toContact(payload(CUSTOMER)))
                .isInstanceOf(EmarsysMappingException.class)
                .hasMessageContaining("'customerID' -> field 'Customer ID'")
                .hasMessageContaining("resolve(client.listFields())");
    }

    @Test
    void keyFieldMustBeMapped() {
        assertThatThrownBy(() -> ContactMapping.builder().field("firstName", 1).build())
                .isInstanceOf(EmarsysMappingException.class)
                .hasMessage("the key field 3 is not mapped from any payload attribute; mapped: ['firstName' -> field 1]");
    }

    @Test
    void aFieldIdMayBeMappedOnlyOnce() {
        assertThatThrownBy(() -> ContactMapping.builder().field("contactEmail", 3).field("email2", 3).build())
                .isInstanceOf(EmarsysMappingException.class)
                .hasMessageContaining("Emarsys field 3 is mapped more than once");
    }

    @Test
    void invalidAttributePathIsRejected() {
        assertThatThrownBy(() -> ContactMapping.builder().field("defaultAddress..town", 11))
                .hasMessage("invalid payload attribute path 'defaultAddress..town'");
    }

    @Test
    void validateAgainstAcceptsAttributesAndNestedPathsOfTheIntegrationObject() {
        ContactMapping mapping = ContactMapping.builder()
                .field("contactEmail", 3).field("defaultAddress.town", 11).build();

        assertThat(mapping.validateAgainst(ioCustomer())).isSameAs(mapping);
    }

    @Test
    void validateAgainstNamesEveryMissingAttributeAndTheIntegrationObject() {
        ContactMapping mapping = ContactMapping.builder()
                .field("contactEmail", 3).field("phone", 15).field("defaultAddress.city", 11)
                .field("firstName.x", 1).build();

        assertThatThrownBy(() -> mapping.validateAgainst(ioCustomer()))
                .isInstanceOf(EmarsysMappingException.class)
                .hasMessage("mapped payload attribute 'phone' is not in integration object 'ioCustomer': item "
                        + "'Customer' has no attribute 'phone' (it has [customerID, contactEmail, firstName, "
                        + "defaultAddress])\n"
                        + "mapped payload attribute 'defaultAddress.city' is not in integration object 'ioCustomer': "
                        + "item 'Address' has no attribute 'city' (it has [town])\n"
                        + "mapped payload attribute 'firstName.x' is not in integration object 'ioCustomer': "
                        + "attribute 'firstName' of item 'Customer' is not a nested item");
    }

    private static IntegrationObject ioCustomer() {
        return IntegrationObject.builder("ioCustomer")
                .item("Customer", item -> item.root()
                        .attribute("customerID", a -> a.unique())
                        .attribute("contactEmail")
                        .attribute("firstName")
                        .attribute("defaultAddress", a -> a.item("Address")))
                .item("Address", item -> item.attribute("town", a -> a.unique()))
                .build();
    }
}
