package dev.ioflow.destinations;

import static dev.ioflow.destinations.TestSupport.body;
import static dev.ioflow.destinations.TestSupport.clientFor;
import static dev.ioflow.destinations.TestSupport.ok;
import static dev.ioflow.destinations.TestSupport.postJson;
import static dev.ioflow.destinations.TestSupport.take;
import static dev.ioflow.destinations.TestSupport.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class DestinationClientSendTest extends MockServerTest {

    private ConsumedDestination.Builder destination() {
        return ConsumedDestination.builder("crm", url(server, "/api/v3/"));
    }

    @Test
    void postsJsonToTheDestinationUrlWithPathAndQueryAppended() throws Exception {
        server.enqueue(ok("{\"id\":\"42\"}"));

        DestinationResponse response = clientFor(destination().build()).send("crm", DestinationRequest.builder()
                .path("contact")
                .queryParameter("create_if_not_exists", "1")
                .json("{\"email\":\"a@example.com\"}")
                .build());

        RecordedRequest request = take(server);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo("/api/v3/contact?create_if_not_exists=1");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(body(request)).isEqualTo("{\"email\":\"a@example.com\"}");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyString()).isEqualTo("{\"id\":\"42\"}");
        assertThat(response.isSuccessful()).isTrue();
    }

    @Test
    void emptyPathTargetsTheDestinationUrlItself() throws Exception {
        server.enqueue(ok("{}"));

        clientFor(destination().build()).send("crm", postJson("{}"));

        assertThat(take(server).getTarget()).isEqualTo("/api/v3/");
    }

    @Test
    void leadingSlashInPathStaysUnderTheDestinationPath() throws Exception {
        server.enqueue(ok("{}"));

        clientFor(destination().build()).send("crm", DestinationRequest.builder().method("PUT").path("/contact/1").json("{}").build());

        RecordedRequest request = take(server);
        assertThat(request.getMethod()).isEqualTo("PUT");
        assertThat(request.getTarget()).isEqualTo("/api/v3/contact/1");
    }

    @Test
    void everyCallCarriesTheGivenMessageIdAndAcceptJson() throws Exception {
        server.enqueue(ok("{}"));

        DestinationResponse response = clientFor(destination().build())
                .send("crm", DestinationRequest.builder().messageId("msg-1").json("{}").build());

        RecordedRequest request = take(server);
        assertThat(request.getHeaders().get("X-Message-Id")).isEqualTo("msg-1");
        assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
        assertThat(response.messageId()).isEqualTo("msg-1");
    }

    @Test
    void destinationHeadersOverrideTheDefaultAcceptAndRequestHeadersOverrideBoth() throws Exception {
        server.enqueue(ok("{}"));
        server.enqueue(ok("{}"));
        DestinationClient client = clientFor(destination()
                .header("Accept", "application/xml")
                .header("X-Tenant", "eu")
                .header("X-Channel", "web")
                .build());

        client.send("crm", DestinationRequest.builder().header("X-Channel", "app").json("{}").build());
        client.httpClient("crm").newCall(new okhttp3.Request.Builder().url(url(server, "/api/v3/"))
                .header("X-Channel", "app").build()).execute().close();

        for (int i = 0; i < 2; i++) {
            RecordedRequest request = take(server);
            assertThat(request.getHeaders().get("Accept")).as("request %s", i).isEqualTo("application/xml");
            assertThat(request.getHeaders().get("X-Tenant")).as("request %s", i).isEqualTo("eu");
            assertThat(request.getHeaders().values("X-Channel")).as("request %s", i).containsExactly("app");
            assertThat(request.getHeaders().get("X-Message-Id")).as("request %s", i).isNotBlank();
        }
    }

    @Test
    void missingMessageIdIsGeneratedByTheInjectedSupplier() throws Exception {
        server.enqueue(ok("{}"));
        AtomicInteger ids = new AtomicInteger();
        DestinationClient client = DestinationClient.builder().destination(destination().build())
                .messageIds(() -> "gen-" + ids.incrementAndGet())
                .build();

        DestinationResponse response = client.send("crm", postJson("{}"));

        assertThat(take(server).getHeaders().get("X-Message-Id")).isEqualTo("gen-1");
        assertThat(response.messageId()).isEqualTo("gen-1");
    }

    @Test
    void destinationHeadersAreSentAndRequestHeadersOverrideThem() throws Exception {
        server.enqueue(ok("{}"));
        ConsumedDestination d = destination().header("X-Tenant", "acme").header("X-Channel", "web").build();

        clientFor(d).send("crm", DestinationRequest.builder().header("X-Channel", "app").json("{}").build());

        RecordedRequest request = take(server);
        assertThat(request.getHeaders().get("X-Tenant")).isEqualTo("acme");
        assertThat(request.getHeaders().get("X-Channel")).isEqualTo("app");
    }

    @Test
    void cloudEventsHeadersAreSentWhenTheDestinationHasThemOn() throws Exception {
        server.enqueue(ok("{}"));
        ConsumedDestination d = destination().cloudEvents(true).build();
        DestinationClient client = DestinationClient.builder().destination(d)
                .clock(new MutableClock(Instant.parse("2026-03-01T12:00:00Z")))
                .build();

        client.send("crm", DestinationRequest.builder().messageId("msg-7")
                .cloudEvent("sap.cx.commerce.Customer.Updated.v1", "/ioflow/shop", "C-42")
                .json("{}").build());

        RecordedRequest request = take(server);
        assertThat(request.getHeaders().get("ce-id")).isEqualTo("msg-7");
        assertThat(request.getHeaders().get("ce-specversion")).isEqualTo("1.0");
        assertThat(request.getHeaders().get("ce-type")).isEqualTo("sap.cx.commerce.Customer.Updated.v1");
        assertThat(request.getHeaders().get("ce-source")).isEqualTo("/ioflow/shop");
        assertThat(request.getHeaders().get("ce-subject")).isEqualTo("C-42");
        assertThat(request.getHeaders().get("ce-time")).isEqualTo("2026-03-01T12:00:00Z");
        io.cloudevents.CloudEvent read = TestSupport.cloudEventOf(request);
        assertThat(read.getId()).isEqualTo("msg-7");
        assertThat(read.getType()).isEqualTo("sap.cx.commerce.Customer.Updated.v1");
        assertThat(read.getSource()).hasToString("/ioflow/shop");
        assertThat(read.getSubject()).isEqualTo("C-42");
        assertThat(read.getTime()).isEqualTo(java.time.OffsetDateTime.parse("2026-03-01T12:00:00Z"));
    }

    @Test
    void cloudEventsAttributesOutsidePrintableAsciiArePercentEncodedAsTheHttpBindingRequires() throws Exception {
        server.enqueue(ok("{}"));

        clientFor(destination().cloudEvents(true).build()).send("crm", DestinationRequest.builder()
                .cloudEvent("sap.cx.commerce.Customer.Updated.v1", "/ioflow/shop", "Müller 100%|\"DE\"").json("{}").build());

        RecordedRequest request = take(server);
        assertThat(request.getHeaders().get("ce-subject")).isEqualTo("M%C3%BCller%20100%25|%22DE%22");
        // The SDK hands header values over undecoded; the HTTP binding has receivers percent-decode them.
        io.cloudevents.CloudEvent read = TestSupport.cloudEventOf(request);
        assertThat(CloudEventsTest.percentDecoded(read.getSubject())).isEqualTo("Müller 100%|\"DE\"");
        assertThat(read.getType()).isEqualTo("sap.cx.commerce.Customer.Updated.v1");
        assertThat(read.getSource()).hasToString("/ioflow/shop");
        assertThat(read.getId()).isEqualTo(request.getHeaders().get("X-Message-Id"));
        assertThat(read.getTime()).isNotNull();
    }

    @Test
    void cloudEventsHeadersAreOmittedWhenTheDestinationHasThemOff() throws Exception {
        server.enqueue(ok("{}"));

        clientFor(destination().build()).send("crm", DestinationRequest.builder()
                .cloudEvent("sap.cx.commerce.Customer.Updated.v1", "/ioflow/shop", "C-42").json("{}").build());

        RecordedRequest request = take(server);
        assertThat(request.getHeaders().names()).noneMatch(name -> name.startsWith("ce-"));
        assertThat(request.getHeaders().get("X-Message-Id")).isNotBlank();
    }

    @Test
    void responseBodyIsCappedAndFlaggedTruncated() {
        server.enqueue(ok("0123456789"));
        DestinationClient client = DestinationClient.builder().destination(destination().build())
                .maxResponseBytes(4)
                .build();

        DestinationResponse response = client.send("crm", postJson("{}"));

        assertThat(response.body()).isEqualTo("0123".getBytes(StandardCharsets.UTF_8));
        assertThat(response.bodyTruncated()).isTrue();
    }

    @Test
    void bodyWithinTheCapIsNotFlagged() {
        server.enqueue(ok("0123"));
        DestinationClient client = DestinationClient.builder().destination(destination().build())
                .maxResponseBytes(4)
                .build();

        DestinationResponse response = client.send("crm", postJson("{}"));

        assertThat(response.bodyString()).isEqualTo("0123");
        assertThat(response.bodyTruncated()).isFalse();
    }

    @Test
    void errorStatusIsReturnedAsAResponseWithHeadersLookedUpCaseInsensitively() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "30").body("{\"error\":\"slow down\"}").build());

        DestinationResponse response = clientFor(destination().build()).send("crm", postJson("{}"));

        assertThat(response.status()).isEqualTo(429);
        assertThat(response.isSuccessful()).isFalse();
        assertThat(response.header("retry-after")).isEqualTo("30");
        assertThat(response.header("RETRY-AFTER")).isEqualTo("30");
    }

    @Test
    void redirectIsReturnedNotFollowedForAuthenticatedCalls() throws Exception {
        server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", url(server, "/elsewhere")).build());
        server.enqueue(ok("{}"));
        ConsumedDestination d = destination().credential(Credential.bearer("tok")).build();

        DestinationResponse response = clientFor(d).send("crm", postJson("{}"));

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).isEqualTo(url(server, "/elsewhere"));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void inactiveDestinationRefusesToSend() {
        DestinationClient client = clientFor(destination().active(false).build());

        assertThatThrownBy(() -> client.send("crm", postJson("{}")))
                .isInstanceOf(DestinationInactiveException.class)
                .hasMessageContaining("'crm'");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void inactiveDestinationHasNoHttpClient() {
        DestinationClient client = clientFor(destination().active(false).build());

        assertThatThrownBy(() -> client.httpClient("crm")).isInstanceOf(DestinationInactiveException.class);
    }

    @Test
    void unknownDestinationNamesTheKnownOnes() {
        DestinationClient client = clientFor(destination().build());

        assertThatThrownBy(() -> client.send("erp", postJson("{}")))
                .isInstanceOf(UnknownDestinationException.class)
                .hasMessageContaining("'erp'")
                .hasMessageContaining("[crm]");
    }

    @Test
    void perDestinationHttpClientIsCachedAndAddsDestinationHeaders() throws Exception {
        server.enqueue(ok("{}"));
        DestinationClient client = clientFor(destination().header("X-Tenant", "acme").credential(Credential.bearer("tok")).build());

        okhttp3.OkHttpClient http = client.httpClient("crm");
        try (okhttp3.Response response = http.newCall(new okhttp3.Request.Builder().url(server.url("/api/v3/x")).build()).execute()) {
            assertThat(response.code()).isEqualTo(200);
        }

        assertThat(client.httpClient("crm")).isSameAs(http);
        assertThat(http.followRedirects()).isFalse();
        RecordedRequest request = take(server);
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer tok");
        assertThat(request.getHeaders().get("X-Tenant")).isEqualTo("acme");
        assertThat(request.getHeaders().get("X-Message-Id")).isNotBlank();
    }

    @Test
    void perDestinationClientsShareTheConnectionPoolOfTheSharedClient() {
        okhttp3.OkHttpClient shared = new okhttp3.OkHttpClient();
        DestinationClient client = DestinationClient.builder().registry(DestinationRegistry.builder()
                        .add(destination().build())
                        .add(ConsumedDestination.builder("erp", url(server, "/erp/")).build())
                        .build())
                .okHttpClient(shared)
                .build();

        assertThat(client.httpClient("crm").connectionPool()).isSameAs(shared.connectionPool());
        assertThat(client.httpClient("erp").connectionPool()).isSameAs(shared.connectionPool());
        assertThat(client.httpClient("crm")).isNotSameAs(client.httpClient("erp"));
    }
}
