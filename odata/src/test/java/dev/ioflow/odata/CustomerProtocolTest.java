package dev.ioflow.odata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioflow.core.TypeSystem;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every operation and query option, over map, record and JavaBean items alike. */
class CustomerProtocolTest {
    private InboundServer server;

    static Stream<Arguments> typeSystems() {
        return Stream.of(Arguments.of("maps", CustomerModels.maps()), Arguments.of("records", CustomerModels.records()),
                Arguments.of("beans", CustomerModels.beans()));
    }

    private HttpClientSupport start(TypeSystem types) {
        InboundService service = InboundService.builder().integrationObject(CustomerModels.inboundCustomer(), types)
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

    private static String customer(String id, String email, int age, String... addressIds) {
        StringBuilder addresses = new StringBuilder();
        for (String a : addressIds) {
            addresses.append(addresses.length() == 0 ? "" : ",").append("{\"addressId\":\"").append(a).append("\",\"town\":\"T-").append(a).append("\"}");
        }
        return "{\"customerId\":\"" + id + "\",\"email\":\"" + email + "\",\"firstName\":\"F" + id + "\",\"age\":" + age
                + ",\"addresses\":[" + addresses + "]}";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typeSystems")
    void postCreatesDeeplyAndGetReadsByKey(String name, TypeSystem types) {
        HttpClientSupport http = start(types);
        HttpResponse<String> created = http.json("POST", "Customers", customer("c1", "a@x.org", 30, "a1", "a2"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).startsWith("{\"d\":{\"__metadata\":").contains("\"integrationKey\":\"c1\"",
                "\"type\":\"HybrisCommerceOData.Customer\"", "\"addresses\":{\"__deferred\":");
        HttpResponse<String> read = http.get("Customers('c1')?$expand=addresses", "Accept", "application/json");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"email\":\"a@x.org\"", "\"age\":30", "\"addressId\":\"a1\"", "\"addressId\":\"a2\"");
        assertThat(http.get("Customers('c1')/addresses", "Accept", "application/json").body())
                .contains("\"town\":\"T-a1\"", "\"town\":\"T-a2\"");
        assertThat(http.get("Addresses('a1')", "Accept", "application/json").body()).contains("\"town\":\"T-a1\"");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typeSystems")
    void postAgainUpdatesAndAddsToCollections(String name, TypeSystem types) {
        HttpClientSupport http = start(types);
        http.json("POST", "Customers", customer("c1", "a@x.org", 30, "a1"));
        HttpResponse<String> again = http.json("POST", "Customers", customer("c1", "new@x.org", 31, "a2"));
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(http.get("Customers/$count").body()).isEqualTo("1");
        String body = http.get("Customers('c1')?$expand=addresses", "Accept", "application/json").body();
        assertThat(body).contains("\"email\":\"new@x.org\"", "\"addressId\":\"a1\"", "\"addressId\":\"a2\"");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typeSystems")
    void patchUpdatesPartiallyAndReplacesCollections(String name, TypeSystem types) {
        HttpClientSupport http = start(types);
        http.json("POST", "Customers", customer("c1", "a@x.org", 30, "a1", "a2"));
        HttpResponse<String> patched = http.json("PATCH", "Customers('c1')",
                "{\"email\":\"p@x.org\",\"addresses\":[{\"addressId\":\"a3\",\"town\":\"Z\"}]}");
        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(patched.body()).contains("\"email\":\"p@x.org\"", "\"firstName\":\"Fc1\"");
        String addresses = http.get("Customers('c1')/addresses", "Accept", "application/json").body();
        assertThat(addresses).contains("\"addressId\":\"a3\"").doesNotContain("\"addressId\":\"a1\"");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typeSystems")
    void deleteCascadesToPartOfItems(String name, TypeSystem types) {
        HttpClientSupport http = start(types);
        http.json("POST", "Customers", customer("c1", "a@x.org", 30, "a1"));
        HttpResponse<String> deleted = http.send("DELETE", "Customers('c1')", "");
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(deleted.body()).isEmpty();
        assertThat(http.get("Customers('c1')", "Accept", "application/json").statusCode()).isEqualTo(404);
        assertThat(http.get("Addresses('a1')", "Accept", "application/json").statusCode()).isEqualTo(404);
        assertThat(http.send("DELETE", "Customers('c1')", "").statusCode()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typeSystems")
    void collectionsFilterOrderPageAndCount(String name, TypeSystem types) {
        HttpClientSupport http = start(types);
        for (int i = 1; i <= 5; i++) {
            assertThat(http.json("POST", "Customers", customer("c" + i, "m" + i + "@x.org", 20 + i)).statusCode()).isEqualTo(201);
        }
        String filtered = http.get("Customers?$filter=age%20gt%2022%20and%20age%20le%2024&$orderby=age%20desc", "Accept", "application/json").body();
        assertThat(filtered.indexOf("\"customerId\":\"c4\"")).isPositive().isLessThan(filtered.indexOf("\"customerId\":\"c3\""));
        assertThat(filtered).doesNotContain("\"customerId\":\"c2\"", "\"customerId\":\"c5\"");
        assertThat(http.get("Customers?$filter=email%20eq%20'm2@x.org'%20or%20customerId%20eq%20'c5'", "Accept", "application/json").body())
                .contains("\"c2\"", "\"c5\"").doesNotContain("\"c1\"");
        assertThat(http.get("Customers?$filter=customerId%20ne%20'c1'", "Accept", "application/json").body()).doesNotContain("\"c1\"");
        String page = http.get("Customers?$orderby=customerId&$top=2&$skip=1&$inlinecount=allpages", "Accept", "application/json").body();
        assertThat(page).contains("\"__count\":\"5\"", "\"c2\"", "\"c3\"").doesNotContain("\"c1\"", "\"c4\"", "__next");
        assertThat(http.get("Customers/$count?$filter=age%20lt%2023").body()).isEqualTo("2");
        assertThat(http.get("Customers('c1')/addresses/$count").body()).isEqualTo("0");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typeSystems")
    void pagesBeyondTheLimitCarryNextLinks(String name, TypeSystem types) {
        InboundService service = InboundService.builder().integrationObject(CustomerModels.inboundCustomer(), types)
                .security(Fixtures.security()).limits(InboundLimits.builder().defaultPageSize(2).maxPageSize(3).build()).build();
        server = InboundServer.builder(service).port(0).start();
        HttpClientSupport http = new HttpClientSupport(server.url("InboundCustomer"));
        for (int i = 1; i <= 5; i++) {
            http.json("POST", "Customers", customer("c" + i, "m@x.org", 20));
        }
        String first = http.get("Customers?$orderby=customerId", "Accept", "application/json").body();
        assertThat(first).contains("\"c1\"", "\"c2\"").doesNotContain("\"c3\"").contains("\"__next\":\"").contains("$skiptoken=2");
        String capped = http.get("Customers?$orderby=customerId&$top=5", "Accept", "application/json").body();
        assertThat(capped).contains("\"c3\"").doesNotContain("\"c4\"").contains("$top=2&$skiptoken=3");
        String next = http.get("Customers?$orderby=customerId&$top=2&$skiptoken=3", "Accept", "application/json").body();
        assertThat(next).contains("\"c4\"", "\"c5\"").doesNotContain("__next");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typeSystems")
    void atomXmlIsTheDefaultAndIsAcceptedAsInput(String name, TypeSystem types) {
        HttpClientSupport http = start(types);
        http.json("POST", "Customers", customer("c1", "a@x.org", 30));
        HttpResponse<String> atom = http.get("Customers('c1')");
        assertThat(atom.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/atom+xml");
        assertThat(atom.body()).contains("<d:email>a@x.org</d:email>");
        String entry = atom.body().replace("a@x.org", "xml@x.org");
        HttpResponse<String> posted = http.send("POST", "Customers", entry, "Content-Type", "application/atom+xml", "Accept", "application/json");
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        assertThat(http.get("Customers('c1')", "Accept", "application/json").body()).contains("xml@x.org");
    }
}
