package dev.ioflow.odata;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTTP methods OData V2 clients other than SAP's samples send: SAP Cloud SDK's {@code HEAD} CSRF-token probe,
 * {@code MERGE} (OData V2's PATCH), method tunnelling through {@code X-HTTP-Method}; PUT stays unsupported as in SAP
 * Commerce.
 */
class ClientMethodsTest {
    private static InboundServer server;
    private static HttpClientSupport http;

    @BeforeAll
    static void start() {
        InboundService service = InboundService.builder()
                .integrationObject(CustomerModels.inboundCustomer(), CustomerModels.maps())
                .security(Fixtures.security()).build();
        server = InboundServer.builder(service).port(0).start();
        http = new HttpClientSupport(server.url("InboundCustomer"));
        assertThat(http.json("POST", "Customers", "{\"customerId\":\"m1\",\"email\":\"old@example.com\",\"age\":30}").statusCode())
                .isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void csrfProbeIsAnsweredWithoutATokenForAnyTarget() {
        for (String target : new String[] {"Customers/", "Customers('m1')", "$batch"}) {
            HttpResponse<String> probe = head(http, target, "X-CSRF-Token", "Fetch");
            assertThat(probe.statusCode()).as(target).isEqualTo(200);
            assertThat(probe.body()).isEmpty();
            assertThat(probe.headers().firstValue("X-CSRF-Token")).isEmpty();
        }
        assertThat(head(http.anonymous(), "Customers", "X-CSRF-Token", "Fetch").statusCode())
                .as("probes are authenticated like any request").isEqualTo(401);
    }

    @Test
    void headIsGetWithoutBody() {
        HttpResponse<String> found = head(http, "Customers('m1')", "Accept", "application/json");
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).isEmpty();
        assertThat(found.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(head(http, "Customers('nobody')").statusCode()).isEqualTo(404);
    }

    @Test
    void mergeIsAPartialUpdateLikePatch() {
        http.json("POST", "Customers", "{\"customerId\":\"m2\",\"email\":\"old@example.com\",\"age\":40}");
        HttpResponse<String> merged = http.json("MERGE", "Customers('m2')", "{\"email\":\"merged@example.com\"}");
        assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
        assertThat(http.get("Customers('m2')", "Accept", "application/json").body())
                .contains("\"email\":\"merged@example.com\"", "\"age\":40");
    }

    @Test
    void postTunnelsMergeAndDeleteThroughXHttpMethod() {
        HttpResponse<String> tunnelled = http.json("POST", "Customers('m1')", "{\"age\":31}", "X-HTTP-Method", "MERGE");
        assertThat(tunnelled.statusCode()).as(tunnelled.body()).isEqualTo(200);
        assertThat(http.get("Customers('m1')", "Accept", "application/json").body()).contains("\"age\":31");

        http.json("POST", "Customers", "{\"customerId\":\"gone\"}");
        assertThat(http.as("viewer", "pw").send("POST", "Customers('gone')", "", "X-HTTP-Method", "DELETE").statusCode())
                .as("a tunnelled method needs that method's right").isEqualTo(403);
        assertThat(http.send("POST", "Customers('gone')", "", "X-HTTP-Method", "DELETE").statusCode()).isEqualTo(200);
        assertThat(http.get("Customers('gone')").statusCode()).isEqualTo(404);
    }

    @Test
    void putStaysUnsupportedAsInSapCommerce() {
        HttpResponse<String> put = http.json("PUT", "Customers('m1')", "{\"customerId\":\"m1\"}");
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.body()).contains("method_not_allowed");
    }

    @Test
    void putInsideABatchChangeSetIsRejectedToo() {
        String body = "--batch\r\nContent-Type: multipart/mixed; boundary=changeset\r\n\r\n"
                + "--changeset\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n"
                + "PUT Customers('m1') HTTP/1.1\r\nContent-Type: application/json\r\nAccept: application/json\r\n\r\n"
                + "{\"email\":\"put@example.com\"}\r\n--changeset--\r\n--batch--\r\n";
        HttpResponse<String> batch = http.send("POST", "$batch", body, "Content-Type", "multipart/mixed; boundary=batch",
                "Accept", "application/json");
        assertThat(batch.statusCode()).isEqualTo(202);
        assertThat(batch.body()).contains("HTTP/1.1 405", "method_not_allowed");
        assertThat(http.get("Customers('m1')", "Accept", "application/json").body()).doesNotContain("put@example.com");
    }

    private static HttpResponse<String> head(HttpClientSupport client, String path, String... headers) {
        return client.send(HttpRequest.newBuilder(server.url("InboundCustomer").resolve(path))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()), headers);
    }
}
