package dev.ioflow.webhook;

import dev.ioflow.webhook.spi.DeliveryOutcome;
import dev.ioflow.webhook.spi.MarkerKey;
import dev.ioflow.webhook.spi.Delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ioflow.core.PayloadHash;
import dev.ioflow.destinations.ConsumedDestination;
import dev.ioflow.destinations.DestinationClient;
import dev.ioflow.destinations.DestinationRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpDeliveryTargetTest {
    private static final byte[] SECRET = "a-test-secret-of-32-bytes-length".getBytes(StandardCharsets.UTF_8);
    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final MockWebServer server = new MockWebServer();
    private DestinationClient client;

    @BeforeEach
    void start() throws Exception {
        server.start();
        client = client(true);
    }

    private DestinationClient client(boolean cloudEvents) {
        ConsumedDestination crm = ConsumedDestination.builder("crm", server.url("/hooks/customers").toString())
                .cloudEvents(cloudEvents)
                .readTimeout(Duration.ofSeconds(5))
                .build();
        return DestinationClient.builder().destination(crm).clock(clock).build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static Delivery change(ChangeType type, String json) {
        return Delivery.builder().messageId("msg-1").changeType(type).integrationObject("ioCustomer")
                .destinationId("crm").integrationKey("c1").payload(json.getBytes(StandardCharsets.UTF_8))
                .createdAt(Instant.parse("2026-03-01T11:59:00Z")).build();
    }

    private DeliveryOutcome deliver(HttpDeliveryTarget target, Delivery change) {
        return target.deliver(List.of(change)).get(0);
    }

    private HttpDeliveryTarget target() {
        return HttpDeliveryTarget.builder(client).clock(clock).build();
    }

    /** The next request; when it carries CloudEvents headers, the official SDK must read it as an event. */
    private RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        if (request != null && request.getHeaders().get("ce-id") != null) {
            assertThat(CloudEventsParsing.parse(request).getId()).isEqualTo(request.getHeaders().get("ce-id"));
        }
        return request;
    }

    @Test
    void postsThePayloadWithTheMessageIdToTheDestination() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("thanks").build());

        DeliveryOutcome outcome = deliver(target(), change(ChangeType.SAVED, "{\"customerID\":\"c1\"}"));

        assertThat(outcome).isEqualTo(DeliveryOutcome.delivered(200, "thanks"));
        RecordedRequest request = take();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/hooks/customers");
        assertThat(request.getBody().utf8()).isEqualTo("{\"customerID\":\"c1\"}");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(request.getHeaders().get("X-Message-Id")).isEqualTo("msg-1");
    }

    @Test
    void anyTwoHundredStatusIsDeliveredIncludingNoContent() {
        server.enqueue(new MockResponse.Builder().code(204).build());
        server.enqueue(new MockResponse.Builder().code(202).build());

        assertThat(deliver(target(), change(ChangeType.SAVED, "{}"))).isInstanceOf(DeliveryOutcome.Delivered.class)
                .extracting(DeliveryOutcome::httpStatus).isEqualTo(204);
        assertThat(deliver(target(), change(ChangeType.SAVED, "{}"))).isInstanceOf(DeliveryOutcome.Delivered.class)
                .extracting(DeliveryOutcome::httpStatus).isEqualTo(202);
    }

    @Test
    void serverErrorsAreRetryableAndRetryAfterSecondsIsHonoured() {
        server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "120").body("busy").build());

        DeliveryOutcome outcome = deliver(target(), change(ChangeType.SAVED, "{}"));

        assertThat(outcome).isEqualTo(DeliveryOutcome.retryable(503, "HTTP 503: busy", clock.instant().plusSeconds(120)));
    }

    @Test
    void tooManyRequestsHonoursARetryAfterDate() {
        Instant later = clock.instant().plus(Duration.ofMinutes(7));
        server.enqueue(new MockResponse.Builder().code(429)
                .setHeader("Retry-After", DateTimeFormatter.RFC_1123_DATE_TIME.format(later.atOffset(ZoneOffset.UTC)))
                .build());

        DeliveryOutcome.Failed failed = (DeliveryOutcome.Failed) deliver(target(), change(ChangeType.SAVED, "{}"));

        assertThat(failed.retryable()).isTrue();
        assertThat(failed.retryAt()).isEqualTo(later);
    }

    @Test
    void requestTimeoutIsRetryable() {
        // OkHttp itself repeats a request answered with 408 once; the second 408 is what the target sees
        server.enqueue(new MockResponse.Builder().code(408).build());
        server.enqueue(new MockResponse.Builder().code(408).build());

        assertThat(((DeliveryOutcome.Failed) deliver(target(), change(ChangeType.SAVED, "{}"))).retryable()).isTrue();
    }

    @Test
    void otherClientErrorsAreNotRetryable() {
        server.enqueue(new MockResponse.Builder().code(400).body("{\"error\":\"bad email\"}").build());

        assertThat(deliver(target(), change(ChangeType.SAVED, "{}")))
                .isEqualTo(DeliveryOutcome.permanent(400, "HTTP 400: {\"error\":\"bad email\"}"));
    }

    @Test
    void aTransportFailureIsRetryableWithStatusZero() {
        server.close();

        DeliveryOutcome.Failed failed = (DeliveryOutcome.Failed) deliver(target(), change(ChangeType.SAVED, "{}"));

        assertThat(failed.httpStatus()).isZero();
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.detail()).startsWith("DestinationIOException");
    }

    @Test
    void theResponseKeptForMonitoringIsCappedAtOneKibibyte() {
        server.enqueue(new MockResponse.Builder().code(500).body("x".repeat(5000)).build());

        assertThat(deliver(target(), change(ChangeType.SAVED, "{}")).detail()).hasSize(1024).endsWith("…[cut]");
    }

    @Test
    void cloudEventsHeadersAreSentAsSapSendsThem() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).build());
        server.enqueue(new MockResponse.Builder().code(200).build());
        HttpDeliveryTarget target = HttpDeliveryTarget.builder(client).clock(clock).cloudEventSource("/shop").build();

        deliver(target, change(ChangeType.SAVED, "{}"));
        deliver(target, change(ChangeType.DELETED, "{}"));

        RecordedRequest saved = take();
        assertThat(saved.getHeaders().get("ce-type")).isEqualTo("sap.cx.commerce.ioCustomer.Updated.v1");
        assertThat(saved.getHeaders().get("ce-id")).isEqualTo("msg-1");
        assertThat(saved.getHeaders().get("ce-source")).isEqualTo("/shop");
        assertThat(saved.getHeaders().get("ce-subject")).isEqualTo("c1");
        assertThat(saved.getHeaders().get("ce-specversion")).isEqualTo("1.0");
        io.cloudevents.CloudEvent event = CloudEventsParsing.parse(saved);
        assertThat(event.getTime().toInstant()).as("when the change happened, not the send time")
                .isEqualTo(Instant.parse("2026-03-01T11:59:00Z"));
        assertThat(event.getSource()).hasToString("/shop");
        RecordedRequest deleted = take();
        assertThat(deleted.getHeaders().get("ce-type")).isEqualTo("sap.cx.commerce.ioCustomer.Deleted.v1");
        assertThat(CloudEventsParsing.parse(deleted).getType()).isEqualTo("sap.cx.commerce.ioCustomer.Deleted.v1");
    }

    @Test
    void noCloudEventsHeadersWhenTheDestinationHasThemOff() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).build());

        deliver(HttpDeliveryTarget.builder(client(false)).build(), change(ChangeType.SAVED, "{}"));

        assertThat(take().getHeaders().get("ce-type")).isNull();
    }

    @Test
    void signedRequestsCarryAStandardWebhooksSignatureTheReceiverCanVerify() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).build());
        String secret = "whsec_" + Base64.getEncoder().encodeToString(SECRET);
        HttpDeliveryTarget target = HttpDeliveryTarget.builder(client).clock(clock).signer(WebhookSigner.of(secret)).build();

        deliver(target, change(ChangeType.SAVED, "{\"customerID\":\"c1\"}"));

        RecordedRequest request = take();
        String id = request.getHeaders().get("webhook-id");
        String timestamp = request.getHeaders().get("webhook-timestamp");
        String signature = request.getHeaders().get("webhook-signature");
        assertThat(id).isEqualTo("msg-1");
        assertThat(timestamp).isEqualTo(Long.toString(clock.instant().getEpochSecond()));
        assertThat(verify(SECRET, id, timestamp, request.getBody().toByteArray(), signature)).isTrue();
        assertThat(verify(SECRET, id, timestamp, "{\"customerID\":\"c2\"}".getBytes(StandardCharsets.UTF_8),
                signature)).isFalse();
    }

    /** The receiver's side, written from the Standard Webhooks specification. */
    private static boolean verify(byte[] key, String id, String timestamp, byte[] body, String header) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        byte[] signed = (id + "." + timestamp + "." + new String(body, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
        byte[] expected = ("v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed))).getBytes(StandardCharsets.UTF_8);
        for (String candidate : header.split(" ")) {
            if (MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theServiceDeliversThroughTheDefaultHttpTarget() throws Exception {
        server.enqueue(new MockResponse.Builder().code(201).build());
        try (WebhookService service = WebhookService.builder()
                .destinations(client)
                .clock(clock)
                .webhook(WebhookConfiguration.builder(Fixtures.CUSTOMERS, "crm").build())
                .build()) {
            service.saved(Fixtures.customer("c1", "a@example.com"));
            service.deliverDue();

            assertThat(take().getBody().utf8()).contains("\"customerID\":\"c1\"");
            assertThat(service.markers().get(new MarkerKey("ioCustomer", "crm", "c1"))).isInstanceOf(PayloadHash.class);
        }
    }

    @Test
    void aWebhookNamingADestinationTheRegistryLacksFailsAtBuild() {
        WebhookService.Builder builder = WebhookService.builder()
                .destinations(client)
                .webhook(WebhookConfiguration.builder(Fixtures.CUSTOMERS, "crn").build());

        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("destination 'crn'")
                .hasMessageContaining("registry does not have")
                .hasMessageContaining("[crm]");
    }
}
