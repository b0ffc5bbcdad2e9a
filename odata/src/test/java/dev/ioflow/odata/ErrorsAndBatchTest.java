package dev.ioflow.odata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioflow.core.persistence.memory.InMemoryItemRepository;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every error code with its status, security, limits, hostile input, hooks and $batch atomicity. */
class ErrorsAndBatchTest {
    private static final String JSON = "application/json";
    private final List<Object> webhookSaved = new ArrayList<>();
    private InboundServer server;
    private HttpClientSupport http;

    @BeforeEach
    void start() {
        InboundService service = InboundService.builder()
                .integrationObject(CustomerModels.inboundCustomer(), CustomerModels.maps())
                .integrationObject(Fixtures.inboundProduct(), Fixtures.productTypes())
                .repository(new InMemoryItemRepository())
                .security(Fixtures.security())
                .limits(InboundLimits.builder().maxBodyBytes(4096).batchLimit(3).maxExpandDepth(1).build())
                .prePersistHook("upper", (draft, ctx) -> draft)
                .prePersistHook("skip", (draft, ctx) -> null)
                .prePersistHook("failing", (draft, ctx) -> {
                    throw new IllegalStateException("pre boom");
                })
                .postPersistHook("failingPost", (item, ctx) -> {
                    throw new IllegalStateException("post boom");
                })
                .build();
        server = InboundServer.builder(service).port(0).start();
        http = new HttpClientSupport(server.url("InboundCustomer"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String customer(String id) {
        return "{\"customerId\":\"" + id + "\",\"email\":\"" + id + "@x.org\"}";
    }

    private void assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).as("SAP error document").contains("\"error\":{\"code\":\"" + code + "\"", "\"message\":{\"lang\":\"en\",\"value\":");
        assertThat(response.body()).doesNotContain("Exception", "java.", "org.apache", "\tat ");
    }

    private long count() {
        return Long.parseLong(http.get("Customers/$count").body());
    }

    @Test
    void authenticationIsRequired() {
        HttpResponse<String> none = http.anonymous().get("Customers", "Accept", JSON);
        assertError(none, 401, "unauthorized");
        assertThat(none.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Basic");
        assertError(http.as(Fixtures.ADMIN, "wrong").get("Customers", "Accept", JSON), 401, "unauthorized");
        assertError(http.as("ghost", "x").get("Customers", "Accept", JSON), 401, "unauthorized");
    }

    @Test
    void rightsFollowSapsGroups() {
        assertError(http.as("nobody", "pw").get("Customers", "Accept", JSON), 403, "forbidden");
        assertThat(http.as("viewer", "pw").get("Customers", "Accept", JSON).statusCode()).isEqualTo(200);
        assertError(http.as("viewer", "pw").json("POST", "Customers", customer("c1")), 403, "forbidden");
        assertThat(http.as("creator", "pw").json("POST", "Customers", customer("c1")).statusCode()).isEqualTo(201);
        assertThat(http.as("creator", "pw").get("$metadata").statusCode()).isEqualTo(200);
        assertError(http.as("creator", "pw").get("Customers", "Accept", JSON), 403, "forbidden");
        assertError(http.as("creator", "pw").send("DELETE", "Customers('c1')", "", "Accept", JSON), 403, "forbidden");
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void bearerTokensGoThroughTheValidator() {
        InboundService service = InboundService.builder()
                .integrationObject(CustomerModels.inboundCustomer(), CustomerModels.maps())
                .security(InboundSecurity.builder().bearerTokens(t -> t.equals("good") ? InboundPrincipal.of("svc", InboundSecurity.VIEW_GROUP) : null).build())
                .build();
        InboundHttpResponse ok = service.handle(InboundHttpRequest.builder("GET",
                java.net.URI.create("http://127.0.0.1/odata2webservices/InboundCustomer/Customers")).header("Authorization", "Bearer good").build());
        assertThat(ok.status()).isEqualTo(200);
        InboundHttpResponse bad = service.handle(InboundHttpRequest.builder("GET",
                java.net.URI.create("http://127.0.0.1/odata2webservices/InboundCustomer/Customers")).header("Authorization", "Bearer bad").build());
        assertThat(bad.status()).isEqualTo(401);
    }

    @Test
    void notFoundCodes() {
        assertError(http.get("../Nope/Customers", "Accept", JSON), 404, "not_found");
        assertError(new HttpClientSupport(server.url("Unknown")).get("Customers", "Accept", JSON), 404, "not_found");
        assertError(http.get("Unknowns", "Accept", JSON), 404, "not_found");
        assertError(http.get("Customers('missing')", "Accept", JSON), 404, "not_found");
        assertError(http.json("PATCH", "Customers('missing')", "{\"email\":\"x\"}"), 404, "not_found");
    }

    @Test
    void payloadErrorsChangeNothing() {
        assertError(http.json("POST", "Customers", "{\"customerId\":\"c1\",\"shoeSize\":42}"), 400, "invalid_property");
        assertError(http.json("POST", "Customers", "{\"customerId\":\"c1\",\"age\":\"old\"}"), 400, "invalid_attribute_value");
        assertError(http.json("POST", "Customers", "{\"email\":\"x@y\"}"), 400, "missing_key");
        assertError(http.json("POST", "Customers", "{\"customerId\":"), 400, "odata_error");
        assertError(http.json("POST", "Customers", "[1,2]"), 400, "odata_error");
        assertError(http.json("POST", "Customers", "{\"customerId\":\"c1\",\"addresses\":[{\"town\":\"no key\"}]}"), 400, "missing_key");
        assertThat(count()).isZero();
    }

    @Test
    void missingReferencedItemIsMissingNavProperty() {
        HttpClientSupport products = new HttpClientSupport(server.url("InboundProduct"));
        assertError(products.json("POST", "Products", "{\"code\":\"p1\",\"catalogVersion\":{\"version\":\"Staged\",\"catalog\":{\"id\":\"Default\"}}}"),
                400, "missing_nav_property");
        assertThat(products.get("Products/$count").body()).isEqualTo("0");
    }

    @Test
    void patchKeyMismatchIsInvalidKey() {
        http.json("POST", "Customers", customer("c1"));
        assertError(http.json("PATCH", "Customers('c1')", "{\"customerId\":\"c2\"}"), 400, "invalid_key");
    }

    @Test
    void protocolErrors() {
        assertError(http.send("POST", "Customers", customer("c1"), "Content-Type", "text/plain", "Accept", JSON), 415, "unsupported_media_type");
        assertError(http.send("PUT", "Customers('c1')", customer("c1"), "Content-Type", JSON, "Accept", JSON), 405, "method_not_allowed");
        assertError(http.send("PATCH", "Customers", customer("c1"), "Content-Type", JSON, "Accept", JSON), 405, "method_not_allowed");
        assertError(http.json("POST", "Customers", "{\"customerId\":\"" + "x".repeat(5000) + "\"}"), 413, "payload_too_large");
        assertError(new HttpClientSupport(server.url("InboundProduct")).get("Products?$expand=catalogVersion/catalog", "Accept", JSON),
                400, "invalid_query_parameter");
        assertError(http.get("Customers?$filter=substringof('a',email)", "Accept", JSON), 400, "operator_not_supported");
        assertError(http.get("Customers?$filter=integrationKey%20eq%20'c1'", "Accept", JSON), 400, "integration_key_not_supported");
        assertError(http.get("Customers?$top=-1", "Accept", JSON), 400, "invalid_query_parameter");
        HttpClientSupport products = new HttpClientSupport(server.url("InboundProduct"));
        assertError(products.get("Products?$filter=catalogVersion/catalog/id%20eq%20'x'", "Accept", JSON), 400, "filter_not_supported");
        assertError(http.get("Customers", "Accept", JSON, "Accept-Language", "xx"), 400, "invalid_language");
    }

    @Test
    void hostilePathsAreRejected() {
        InboundService service = InboundService.builder()
                .integrationObject(CustomerModels.inboundCustomer(), CustomerModels.maps()).security(Fixtures.security()).build();
        for (String path : List.of("InboundCustomer/%2e%2e/InboundCustomer/Customers", "InboundCustomer/Customers/../Addresses",
                "InboundCustomer/Customers('a%2Fb')", "InboundCustomer/./Customers")) {
            InboundHttpResponse response = service.handle(InboundHttpRequest.builder("GET",
                            java.net.URI.create("http://127.0.0.1/odata2webservices/" + path))
                    .header("Authorization", HttpClientSupport.basic(Fixtures.ADMIN, Fixtures.PASSWORD)).header("Accept", JSON).build());
            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.bodyText()).contains("\"code\":\"invalid_path\"");
        }
    }

    @Test
    void hooks() {
        assertThat(http.json("POST", "Customers", customer("c1"), "Pre-Persist-Hook", "upper").statusCode()).isEqualTo(201);
        assertThat(http.json("POST", "Customers", customer("c2"), "Pre-Persist-Hook", "skip").statusCode()).isEqualTo(204);
        assertError(http.json("POST", "Customers", customer("c3"), "Pre-Persist-Hook", "nope"), 400, "hook_not_found");
        assertError(http.json("POST", "Customers", customer("c4"), "Pre-Persist-Hook", "failing"), 400, "pre_persist_error");
        assertError(http.json("POST", "Customers", customer("c5"), "Post-Persist-Hook", "failingPost"), 400, "post_persist_error");
        assertThat(count()).as("only the first customer is stored; failing hooks rolled back").isEqualTo(1);
    }

    private static String batch(String... changeSets) {
        StringBuilder body = new StringBuilder();
        for (String cs : changeSets) {
            body.append("--batch\r\nContent-Type: multipart/mixed; boundary=changeset\r\n\r\n").append(cs).append("--changeset--\r\n");
        }
        return body.append("--batch--\r\n").toString();
    }

    private static String post(String id, String body) {
        return "--changeset\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\nContent-ID: " + id
                + "\r\n\r\nPOST Customers HTTP/1.1\r\nContent-Type: application/json\r\nAccept: application/json\r\n\r\n" + body + "\r\n";
    }

    private HttpResponse<String> sendBatch(String body) {
        return http.send("POST", "$batch", body, "Content-Type", "multipart/mixed; boundary=batch", "Accept", JSON);
    }

    @Test
    void batchChangeSetsAreAtomic() {
        HttpResponse<String> ok = sendBatch(batch(post("1", customer("b1")) + post("2", customer("b2"))));
        assertThat(ok.statusCode()).isEqualTo(202);
        assertThat(ok.body()).contains("HTTP/1.1 201", "Content-Id: 1", "Content-Id: 2", "\"customerId\":\"b2\"");
        assertThat(count()).isEqualTo(2);
        HttpResponse<String> failing = sendBatch(batch(post("3", customer("b3")) + post("4", "{\"customerId\":\"b4\",\"bad\":1}"),
                post("5", customer("b5"))));
        assertThat(failing.statusCode()).isEqualTo(202);
        assertThat(failing.body()).contains("HTTP/1.1 400", "invalid_property", "HTTP/1.1 201");
        assertThat(http.get("Customers('b3')", "Accept", JSON).statusCode()).as("failed change set left nothing").isEqualTo(404);
        assertThat(http.get("Customers('b5')", "Accept", JSON).statusCode()).as("the next change set still ran").isEqualTo(200);
    }

    @Test
    void batchLimitAndMalformedMultipart() {
        assertError(sendBatch(batch(post("1", customer("x1")) + post("2", customer("x2")) + post("3", customer("x3")) + post("4", customer("x4")))),
                400, "batch_limit_exceeded");
        assertError(sendBatch("--batch\r\nthis is not a batch\r\n"), 400, "odata_error");
        assertThat(count()).isZero();
    }

    @Test
    void localizedAttributesFollowTheLanguageHeaders() {
        HttpClientSupport products = new HttpClientSupport(server.url("InboundProduct"));
        // unitType is mandatory: a new unit needs it (SAP's missing_property otherwise); the update may leave it out
        products.json("POST", "Units", "{\"code\":\"pc\",\"unitType\":\"piece\",\"name\":\"piece\"}", "Content-Language", "en");
        products.json("POST", "Units", "{\"code\":\"pc\",\"name\":\"Stück\"}", "Content-Language", "de");
        assertThat(products.get("Units('pc')", "Accept", JSON, "Accept-Language", "de").body()).contains("\"name\":\"Stück\"");
        assertThat(products.get("Units('pc')", "Accept", JSON).body()).contains("\"name\":\"piece\"");
        assertThat(products.get("Units('pc')/localizedAttributes", "Accept", JSON).body()).contains("\"language\":\"de\"", "\"language\":\"en\"");
        assertError(products.json("POST", "Units", "{\"code\":\"pc\",\"name\":\"x\"}", "Content-Language", "zz"), 400, "invalid_language");
    }
}
