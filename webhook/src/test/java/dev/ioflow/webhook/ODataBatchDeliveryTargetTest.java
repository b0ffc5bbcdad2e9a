package dev.ioflow.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ioflow.destinations.ConsumedDestination;
import dev.ioflow.destinations.DestinationClient;
import dev.ioflow.webhook.spi.Delivery;
import dev.ioflow.webhook.spi.DeliveryOutcome;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.apache.olingo.odata2.api.batch.BatchRequestPart;
import org.apache.olingo.odata2.api.batch.BatchResponsePart;
import org.apache.olingo.odata2.api.commons.HttpStatusCodes;
import org.apache.olingo.odata2.api.commons.ODataHttpMethod;
import org.apache.olingo.odata2.api.ep.EntityProvider;
import org.apache.olingo.odata2.api.ep.EntityProviderBatchProperties;
import org.apache.olingo.odata2.api.processor.ODataRequest;
import org.apache.olingo.odata2.api.processor.ODataResponse;
import org.apache.olingo.odata2.api.uri.PathInfo;
import org.apache.olingo.odata2.api.uri.PathSegment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The $batch target against MockWebServer: the request is read back with Olingo's server-side batch parser (what an
 * OData V2 service runs), and the responses are written with Olingo's server-side batch writer, with mixed outcomes.
 */
class ODataBatchDeliveryTargetTest {
    private final MockWebServer server = new MockWebServer();
    private DestinationClient client;

    @BeforeEach
    void start() throws Exception {
        server.start();
        client = DestinationClient.builder()
                .destination(ConsumedDestination.builder("s4", server.url("/odata2webservices/ioCustomer").toString())
                        .readTimeout(Duration.ofSeconds(5)).build())
                .maxResponseBytes(1024 * 1024)
                .build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static Delivery change(String key, ChangeType type) {
        return Delivery.builder().messageId("m-" + key).changeType(type).integrationObject("ioCustomer")
                .destinationId("s4").integrationKey(key)
                .payload(("{\"customerID\":\"" + key + "\"}").getBytes(StandardCharsets.UTF_8))
                .createdAt(Instant.parse("2026-03-01T12:00:00Z")).build();
    }

    private static ODataResponse response(HttpStatusCodes status, String json) {
        return ODataResponse.status(status).entity(json).contentHeader("application/json").build();
    }

    /** A $batch response as an Olingo V2 service writes it: one part per change set. */
    private void replyWith(ODataResponse... changeSetResponses) throws Exception {
        List<BatchResponsePart> parts = java.util.Arrays.stream(changeSetResponses)
                .map(r -> BatchResponsePart.responses(List.of(r)).changeSet(true).build()).toList();
        ODataResponse batch = EntityProvider.writeBatchResponse(parts);
        byte[] body;
        try (InputStream in = batch.getEntityAsStream()) {
            body = in.readAllBytes();
        }
        server.enqueue(new MockResponse.Builder().code(202).setHeader("Content-Type", batch.getContentHeader())
                .body(new okio.Buffer().write(body)).build());
    }

    private List<BatchRequestPart> parseAsAServiceWould(RecordedRequest request) throws Exception {
        URI root = server.url("/odata2webservices/ioCustomer/").uri();
        PathInfo pathInfo = new PathInfo() {
            @Override
            public List<PathSegment> getPrecedingSegments() {
                return List.of();
            }

            @Override
            public List<PathSegment> getODataSegments() {
                return List.of();
            }

            @Override
            public URI getServiceRoot() {
                return root;
            }

            @Override
            public URI getRequestUri() {
                return root.resolve("$batch");
            }
        };
        return EntityProvider.parseBatchRequest(request.getHeaders().get("Content-Type"),
                new ByteArrayInputStream(request.getBody().toByteArray()),
                EntityProviderBatchProperties.init().pathInfo(pathInfo).build());
    }

    private static String segments(ODataRequest request) {
        return String.join("/", request.getPathInfo().getODataSegments().stream().map(PathSegment::getPath).toList());
    }

    @Test
    void severalChangesTravelInOneBatchAndEachGetsItsOwnOutcome() throws Exception {
        replyWith(response(HttpStatusCodes.CREATED, "{\"d\":{\"customerID\":\"c1\"}}"),
                response(HttpStatusCodes.BAD_REQUEST, "{\"error\":{\"code\":\"invalid_attribute_value\"}}"),
                response(HttpStatusCodes.SERVICE_UNAVAILABLE, "{\"error\":{\"code\":\"busy\"}}"),
                ODataResponse.status(HttpStatusCodes.NO_CONTENT).build());
        ODataBatchDeliveryTarget target = ODataBatchDeliveryTarget.builder(client, "Customers").build();

        List<DeliveryOutcome> outcomes = target.deliver(List.of(change("c1", ChangeType.CREATED),
                change("c2", ChangeType.UPDATED), change("c3", ChangeType.SAVED), change("c4", ChangeType.DELETED)));

        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo("/odata2webservices/ioCustomer/$batch");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("multipart/mixed; boundary=batch_");
        List<BatchRequestPart> parts = parseAsAServiceWould(request);
        assertThat(parts).hasSize(4).allMatch(BatchRequestPart::isChangeSet)
                .allSatisfy(p -> assertThat(p.getRequests()).hasSize(1));
        ODataRequest first = parts.get(0).getRequests().get(0);
        assertThat(first.getMethod()).isEqualTo(ODataHttpMethod.POST);
        assertThat(segments(first)).isEqualTo("Customers");
        assertThat(first.getContentType()).isEqualTo("application/json");
        assertThat(new String(first.getBody().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"customerID\":\"c1\"}");
        ODataRequest delete = parts.get(3).getRequests().get(0);
        assertThat(delete.getMethod()).isEqualTo(ODataHttpMethod.DELETE);
        assertThat(segments(delete)).isEqualTo("Customers('c4')");

        assertThat(outcomes.get(0)).isEqualTo(DeliveryOutcome.delivered(201, "{\"d\":{\"customerID\":\"c1\"}}"));
        assertThat(outcomes.get(1)).isEqualTo(DeliveryOutcome.permanent(400,
                "HTTP 400: {\"error\":{\"code\":\"invalid_attribute_value\"}}"));
        assertThat(outcomes.get(2)).isEqualTo(DeliveryOutcome.retryable(503, "HTTP 503: {\"error\":{\"code\":\"busy\"}}",
                null));
        assertThat(outcomes.get(3)).isInstanceOf(DeliveryOutcome.Delivered.class);
        assertThat(outcomes.get(3).httpStatus()).isEqualTo(204);
    }

    @Test
    void changesTheResponseDoesNotAnswerAreRetryable() throws Exception {
        replyWith(response(HttpStatusCodes.CREATED, "{}"));

        List<DeliveryOutcome> outcomes = ODataBatchDeliveryTarget.builder(client, "Customers").build()
                .deliver(List.of(change("c1", ChangeType.SAVED), change("c2", ChangeType.SAVED)));

        assertThat(outcomes.get(0)).isInstanceOf(DeliveryOutcome.Delivered.class);
        assertThat(outcomes.get(1)).isInstanceOf(DeliveryOutcome.Failed.class);
        assertThat(((DeliveryOutcome.Failed) outcomes.get(1)).retryable()).isTrue();
        assertThat(outcomes.get(1).detail()).contains("1 parts for 2 change sets");
    }

    @Test
    void aFailedBatchRequestFailsEveryChangeAlike() {
        server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "120").build());
        ODataBatchDeliveryTarget target = ODataBatchDeliveryTarget.builder(client, "Customers").build();

        List<DeliveryOutcome> outcomes = target.deliver(List.of(change("c1", ChangeType.SAVED),
                change("c2", ChangeType.DELETED)));

        assertThat(outcomes).hasSize(2).allSatisfy(o -> {
            assertThat(o).isInstanceOf(DeliveryOutcome.Failed.class);
            assertThat(((DeliveryOutcome.Failed) o).retryable()).isTrue();
            assertThat(((DeliveryOutcome.Failed) o).retryAt()).isNotNull();
        });
    }

    @Test
    void theServiceSendsUpTo200ChangeSetsPerRequest() throws Exception {
        ODataResponse[] ok = IntStream.range(0, 200).mapToObj(i -> response(HttpStatusCodes.CREATED, "{}"))
                .toArray(ODataResponse[]::new);
        replyWith(ok);
        replyWith(IntStream.range(0, 50).mapToObj(i -> response(HttpStatusCodes.CREATED, "{}"))
                .toArray(ODataResponse[]::new));
        try (WebhookService service = WebhookService.builder()
                .webhook(WebhookConfiguration.builder(Fixtures.CUSTOMERS, "s4")
                        .target(ODataBatchDeliveryTarget.builder(client, "Customers").build()).build())
                .build()) {
            service.saved(IntStream.range(0, 250).mapToObj(i -> Fixtures.customer("c" + i, "a" + i)).toList());
            while (service.deliverDue() > 0) {
                // deliver what is due
            }
            assertThat(service.monitor().query(OutboundRequestQuery.builder()
                    .status(OutboundRequestStatus.RETRY).limit(1).build())).extracting(OutboundRequest::detail).isEmpty();
            assertThat(service.outbox().liveCount()).isZero();
        }

        assertThat(parseAsAServiceWould(server.takeRequest(5, TimeUnit.SECONDS))).hasSize(200);
        assertThat(parseAsAServiceWould(server.takeRequest(5, TimeUnit.SECONDS))).hasSize(50);
    }

    @Test
    void aResponseCutAtTheClientsCapLeavesEveryChangeRetryableAndSaysWhy() throws Exception {
        replyWith(IntStream.range(0, 2).mapToObj(i -> response(HttpStatusCodes.CREATED, "{}"))
                .toArray(ODataResponse[]::new));
        DestinationClient small = DestinationClient.builder()
                .destination(ConsumedDestination.builder("s4", server.url("/odata").toString()).build())
                .maxResponseBytes(100)
                .build();

        List<DeliveryOutcome> outcomes = ODataBatchDeliveryTarget.builder(small, "Customers").build()
                .deliver(List.of(change("c1", ChangeType.SAVED), change("c2", ChangeType.SAVED)));

        assertThat(outcomes).hasSize(2).allSatisfy(o -> {
            assertThat(((DeliveryOutcome.Failed) o).retryable()).isTrue();
            assertThat(o.detail()).contains("raise maxResponseBytes");
        });
    }

    @Test
    void anEntitySetWithASlashOrTooManyChangeSetsIsRefused() {
        assertThatThrownBy(() -> ODataBatchDeliveryTarget.builder(client, "a/b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a/b'");
        assertThatThrownBy(() -> ODataBatchDeliveryTarget.builder(client, "Customers").maxChangeSets(201))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxChangeSets must be 1 to 200, got 201");
    }
}
