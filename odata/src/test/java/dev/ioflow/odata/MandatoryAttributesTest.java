package dev.ioflow.odata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.TypeSystem;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SAP's presence rules for mandatory attributes ({@code missing_property}, {@code missing_nav_property}) and key
 * attributes ({@code missing_key}, null optional key parts), over map, record and JavaBean items.
 */
class MandatoryAttributesTest {
    private static final String JSON = "application/json";
    private InboundServer server;

    static Stream<Arguments> typeSystems() {
        return Stream.of(Arguments.of("maps", CustomerModels.strictMaps()), Arguments.of("records", CustomerModels.strictRecords()),
                Arguments.of("beans", CustomerModels.strictBeans()));
    }

    /** A customer keyed by its id and its (optional) first name. */
    private static IntegrationObject keyedCustomer() {
        return IntegrationObject.builder("KeyedCustomer")
                .item("Customer", i -> i.root().attribute("customerId", a -> a.unique()).attribute("firstName", a -> a.unique())
                        .attribute("email").attribute("age"))
                .build();
    }

    private HttpClientSupport start(TypeSystem types) {
        InboundService service = InboundService.builder().integrationObject(CustomerModels.inboundCustomer(), types)
                .integrationObject(keyedCustomer(), types)
                .integrationObject(Fixtures.inboundProduct(), Fixtures.productTypes())
                .security(Fixtures.security()).build();
        server = InboundServer.builder(service).port(0).start();
        return new HttpClientSupport(server.url("InboundCustomer"));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static void assertError(HttpResponse<String> response, String code, String innerError, String... messageParts) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("{\"error\":{\"code\":\"" + code + "\"", "\"innererror\":\"" + innerError + "\"");
        for (String part : messageParts) {
            assertThat(response.body()).contains(part);
        }
    }

    private static long count(HttpClientSupport http, String set) {
        return Long.parseLong(http.get(set + "/$count").body());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typeSystems")
    void createNeedsEveryMandatoryValueAndReportsEachWithItsPath(String name, TypeSystem types) {
        HttpClientSupport http = start(types);

        assertError(http.json("POST", "Customers", "{\"customerId\":\"c1\"}"), "missing_property", "$.email",
                "$.email: Property [email] is required for EntityType [Customer]: the attribute is mandatory, but the payload leaves it out",
                "$.addresses: NavigationProperty [addresses] is required for EntityType [Customer]");
        assertError(http.json("POST", "Customers", "{\"customerId\":\"c1\",\"email\":null,\"addresses\":[]}"), "missing_property",
                "$.email", "the payload sets it to null");
        assertError(http.json("POST", "Customers", "{\"customerId\":\"c1\",\"email\":\"a@x.org\",\"addresses\":null}"),
                "missing_nav_property", "$.addresses", "NavigationProperty [addresses] is required for EntityType [Customer]");
        assertError(http.json("POST", "Customers", "{\"customerId\":\"c1\",\"email\":\"a@x.org\",\"addresses\":[{\"addressId\":\"a1\"}]}"),
                "missing_property", "$.addresses[0].town", "Property [town] is required for EntityType [Address]");
        assertThat(count(http, "Customers")).isZero();
        assertThat(count(http, "Addresses")).isZero();

        assertThat(http.json("POST", "Customers", "{\"customerId\":\"c1\",\"email\":\"a@x.org\",\"addresses\":[]}").statusCode())
                .as("an empty collection is a value").isEqualTo(201);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typeSystems")
    void anUpdateKeepsWhatItLeavesOutButMayNotNullAMandatoryValue(String name, TypeSystem types) {
        HttpClientSupport http = start(types);
        http.json("POST", "Customers", "{\"customerId\":\"c1\",\"email\":\"a@x.org\",\"addresses\":[{\"addressId\":\"a1\",\"town\":\"T\"}]}");

        HttpResponse<String> update = http.json("POST", "Customers", "{\"customerId\":\"c1\",\"firstName\":\"Ann\",\"addresses\":null}");
        assertThat(update.statusCode()).as(update.body()).isEqualTo(201);
        assertThat(update.body()).contains("\"email\":\"a@x.org\"", "\"firstName\":\"Ann\"");
        assertError(http.json("POST", "Customers", "{\"customerId\":\"c1\",\"email\":null}"), "missing_property", "$.email");
        assertError(http.json("PATCH", "Customers('c1')", "{\"email\":null,\"firstName\":\"Bob\"}"), "missing_property", "$.email");
        assertError(http.json("PATCH", "Customers('c1')", "{\"customerId\":null}"), "missing_key", "$.customerId");
        assertError(http.json("PATCH", "Customers('c1')", "{\"addresses\":null}"), "missing_nav_property", "$.addresses",
                "a PATCH cannot set it to null");
        assertError(http.json("PATCH", "Customers('c1')", "{\"addresses\":[{\"addressId\":\"a2\",\"town\":null}]}"),
                "missing_property", "$.addresses[0].town");

        HttpResponse<String> patched = http.json("PATCH", "Customers('c1')", "{\"firstName\":null,\"addresses\":[]}");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        String stored = http.get("Customers('c1')?$expand=addresses", "Accept", JSON).body();
        assertThat(stored).contains("\"email\":\"a@x.org\"", "\"firstName\":null", "\"results\":[]");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typeSystems")
    void aFailingChangeSetLeavesNothing(String name, TypeSystem types) {
        HttpClientSupport http = start(types);
        String body = "--batch\r\nContent-Type: multipart/mixed; boundary=changeset\r\n\r\n"
                + operation("{\"customerId\":\"b1\",\"email\":\"b1@x.org\",\"addresses\":[]}")
                + operation("{\"customerId\":\"b2\",\"addresses\":[]}")
                + "--changeset--\r\n--batch--\r\n";

        HttpResponse<String> response = http.send("POST", "$batch", body, "Content-Type", "multipart/mixed; boundary=batch", "Accept", JSON);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).contains("HTTP/1.1 400", "missing_property", "Property [email] is required");
        assertThat(count(http, "Customers")).isZero();
    }

    private static String operation(String json) {
        return "--changeset\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n"
                + "POST Customers HTTP/1.1\r\nContent-Type: application/json\r\nAccept: application/json\r\n\r\n" + json + "\r\n";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typeSystems")
    void aNullOptionalPrimitiveKeyPartIsAcceptedAndRendersAsNull(String name, TypeSystem types) {
        start(types);
        HttpClientSupport http = new HttpClientSupport(server.url("KeyedCustomer"));

        HttpResponse<String> created = http.json("POST", "Customers", "{\"customerId\":\"k1\",\"firstName\":null,\"email\":\"k@x.org\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"integrationKey\":\"k1|null\"", "Customers('k1%7Cnull')");
        assertThat(http.json("POST", "Customers", "{\"customerId\":\"k1\",\"age\":41}").statusCode())
                .as("an absent optional key part is null too: the same item").isEqualTo(201);
        assertThat(count(http, "Customers")).isEqualTo(1);

        HttpResponse<String> patched = http.json("PATCH", "Customers('k1%7Cnull')", "{\"email\":\"new@x.org\"}");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        HttpResponse<String> read = http.get("Customers('k1%7Cnull')", "Accept", JSON);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"email\":\"new@x.org\"", "\"age\":41", "\"integrationKey\":\"k1|null\"");

        assertError(http.json("POST", "Customers", "{\"customerId\":null,\"firstName\":\"F\",\"email\":\"k@x.org\"}"),
                "missing_key", "$.customerId", "key attribute 'customerId' of item 'Customer' is null");
    }

    @Test
    void mandatoryReferencesAndKeyReferencesOfNestedItems() {
        start(CustomerModels.strictMaps());
        HttpClientSupport http = new HttpClientSupport(server.url("InboundProduct"));
        assertThat(http.json("POST", "Catalogs", "{\"id\":\"Default\"}").statusCode()).isEqualTo(201);
        assertThat(http.json("POST", "CatalogVersions", "{\"version\":\"Staged\",\"catalog\":{\"id\":\"Default\"}}").statusCode())
                .isEqualTo(201);
        String product = "{\"code\":\"p1\",\"catalogVersion\":{\"version\":\"Staged\",\"catalog\":{\"id\":\"Default\"}},";

        assertError(http.json("POST", "Products", "{\"code\":\"p1\"}"), "missing_key", "$.catalogVersion",
                "key attribute 'catalogVersion' of item 'Product' is missing");
        assertError(http.json("POST", "Products", "{\"code\":\"p1\",\"catalogVersion\":null}"), "missing_key", "$.catalogVersion");
        assertError(http.json("POST", "Products", product + "\"pricerow\":[{\"price\":1.5}]}"), "missing_nav_property",
                "$.pricerow[0].unit", "NavigationProperty [unit] is required for EntityType [PriceRow]");
        assertError(http.json("POST", "Products", product + "\"pricerow\":[{\"price\":1.5,\"unit\":null}]}"),
                "missing_nav_property", "$.pricerow[0].unit", "the payload sets it to null");
        assertThat(count(http, "Products")).isZero();
        assertThat(count(http, "PriceRows")).isZero();
    }
}
