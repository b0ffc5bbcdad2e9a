package dev.ioflow.emarsys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ioflow.webhook.ChangeType;
import dev.ioflow.webhook.spi.DeliveryOutcome;
import dev.ioflow.webhook.spi.DeliveryOutcome.Delivered;
import dev.ioflow.webhook.spi.DeliveryOutcome.Failed;
import dev.ioflow.webhook.spi.Delivery;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmarsysContactTargetTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OK_ONE = "{\"replyCode\":0,\"replyText\":\"OK\",\"data\":{\"ids\":[\"101\"]}}";

    private final MockWebServer server = new MockWebServer();
    private EmarsysClient client;
    private final ContactMapping mapping = ContactMapping.builder()
            .field("contactEmail", 3).field("firstName", 1).field("lastName", 2).build();

    @BeforeEach
    void start() throws Exception {
        server.start();
        client = EmarsysClient.builder().baseUrl(server.url("/api/v3/").toString())
                .httpClient(new OkHttpClient()).build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static Delivery change(int i, ChangeType type) {
        String json = "{\"customerID\":\"c" + i + "\",\"contactEmail\":\"c" + i + "@example.com\",\"firstName\":\"First"
                + i + "\",\"lastName\":\"Last" + i + "\",\"integrationKey\":\"c" + i + "\"}";
        return Delivery.builder().messageId("m" + i).changeType(type).integrationObject("ioCustomer")
                .destinationId("emarsys").integrationKey("c" + i).payload(json.getBytes(StandardCharsets.UTF_8))
                .createdAt(Instant.parse("2026-01-01T00:00:00Z")).build();
    }

    static List<Delivery> saves(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> change(i, ChangeType.SAVED)).toList();
    }

    private void reply(int status, String body) {
        server.enqueue(new MockResponse.Builder().code(status).body(body).build());
    }

    private static String ids(int from, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(i % 2 == 0 ? "\"" + (from + i) + "\"" : Integer.toString(from + i));
        }
        return "{\"replyCode\":0,\"replyText\":\"OK\",\"data\":{\"ids\":[" + String.join(",", ids) + "]}}";
    }

    private EmarsysContactTarget target() {
        return EmarsysContactTarget.builder(client, mapping).build();
    }

    @Test
    void maxBatchSizeIsEmarsysLimitOfAThousand() {
        assertThat(target().maxBatchSize()).isEqualTo(1000);
    }

    @Test
    void upsertsSavedChangesInOneRequestAndReportsEachContactWithItsId() throws Exception {
        reply(200, ids(101, 2));

        List<DeliveryOutcome> outcomes = target().deliver(saves(2));

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("PUT");
        assertThat(request.getTarget()).isEqualTo("/api/v3/contact/?create_if_not_exists=1");
        assertThat(request.getBody().utf8()).isEqualTo("{\"key_id\":\"3\",\"contacts\":["
                + "{\"3\":\"c1@example.com\",\"1\":\"First1\",\"2\":\"Last1\"},"
                + "{\"3\":\"c2@example.com\",\"1\":\"First2\",\"2\":\"Last2\"}]}");
        assertThat(outcomes).containsExactly(
                new Delivered(200, "request 1: contact c1@example.com ok (id 101) [upsert, 2 contacts]"),
                new Delivered(200, "request 1: contact c2@example.com ok (id 102) [upsert, 2 contacts]"));
    }

    @Test
    void thousandAndOneChangesTravelInTwoRequests() throws Exception {
        reply(200, ids(1, 1000));
        reply(200, ids(1001, 1));

        List<DeliveryOutcome> outcomes = target().deliver(saves(1001));

        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(JSON.readTree(server.takeRequest().getBody().utf8()).path("contacts")).hasSize(1000);
        assertThat(JSON.readTree(server.takeRequest().getBody().utf8()).path("contacts")).hasSize(1);
        assertThat(outcomes).hasSize(1001).allMatch(o -> o instanceof Delivered);
        assertThat(outcomes.get(1000).detail()).startsWith("request 2: contact c1001@example.com ok (id 1001)");
    }

    @Test
    void oneInvalidContactFailsAloneAndPermanently() {
        reply(200, "{\"replyCode\":0,\"replyText\":\"OK\",\"data\":{\"ids\":[\"101\",\"103\"],"
                + "\"errors\":{\"c2@example.com\":{\"2005\":\"Invalid email address\"}}}}");

        List<DeliveryOutcome> outcomes = target().deliver(saves(3));

        assertThat(outcomes.get(0)).isEqualTo(
                new Delivered(200, "request 1: contact c1@example.com ok (id 101) [upsert, 3 contacts]"));
        assertThat(outcomes.get(1)).isEqualTo(new Failed(200, "request 1: contact c2@example.com failed 2005 "
                + "\"Invalid email address\" [upsert, 3 contacts]", false, null));
        assertThat(outcomes.get(2).detail()).contains("contact c3@example.com ok (id 103)");
    }

    @Test
    void creationRaceErrorIsRetryable() {
        reply(200, "{\"replyCode\":0,\"replyText\":\"OK\",\"data\":{\"ids\":[],"
                + "\"errors\":{\"c1@example.com\":{\"2009\":\"Contact already exists\"}}}}");

        assertThat(target().deliver(saves(1)).get(0))
                .isInstanceOfSatisfying(Failed.class, f -> assertThat(f.retryable()).isTrue());
    }

    @Test
    void rateLimitFailsEveryChangeRetryablyUntilTheResetAndSendsNothingMore() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("X-RateLimit-Reset", "1767225600")
                .addHeader("X-Ratelimit-Remaining", "0")
                .body("{\"replyCode\":7003,\"replyText\":\"Too many requests\",\"data\":\"\"}").build());
        List<Delivery> batch = new ArrayList<>(saves(3));
        batch.add(change(4, ChangeType.DELETED));
        EmarsysContactTarget target = EmarsysContactTarget.builder(client, mapping).maxContactsPerRequest(2).build();

        List<DeliveryOutcome> outcomes = target.deliver(batch);

        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(outcomes).hasSize(4).allSatisfy(o -> assertThat(o).isInstanceOfSatisfying(Failed.class, f -> {
            assertThat(f.retryable()).isTrue();
            assertThat(f.retryAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
            assertThat(f.httpStatus()).isEqualTo(429);
        }));
        assertThat(outcomes.get(0).detail()).startsWith("request 1: Emarsys PUT contact/?create_if_not_exists=1 "
                + "failed: HTTP 429, replyCode 7003 \"Too many requests\"");
        assertThat(outcomes.get(3).detail()).startsWith("not sent: an earlier request of this batch failed");
    }

    @Test
    void serverErrorIsRetryableWithoutRetryTime() {
        reply(503, "Service Unavailable");

        assertThat(target().deliver(saves(2))).allSatisfy(o -> assertThat(o)
                .isInstanceOfSatisfying(Failed.class, f -> {
                    assertThat(f.retryable()).isTrue();
                    assertThat(f.retryAt()).isNull();
                    assertThat(f.httpStatus()).isEqualTo(503);
                }));
    }

    @Test
    void unauthorizedIsRetryableBecauseTheCredentialMayRecover() {
        reply(401, "{\"replyCode\":1,\"replyText\":\"Unauthorized\",\"data\":\"\"}");

        assertThat(target().deliver(saves(1)).get(0))
                .isInstanceOfSatisfying(Failed.class, f -> assertThat(f.retryable()).isTrue());
    }

    @Test
    void badRequestIsPermanent() {
        reply(400, "{\"replyCode\":2004,\"replyText\":\"Invalid key field id\",\"data\":\"\"}");

        assertThat(target().deliver(saves(2))).allSatisfy(o -> assertThat(o)
                .isInstanceOfSatisfying(Failed.class, f -> assertThat(f.retryable()).isFalse()));
    }

    @Test
    void deletedChangesAreDeletedByKeyValueAndAbsentContactsCountAsDelivered() throws Exception {
        reply(200, "{\"replyCode\":0,\"replyText\":\"OK\",\"data\":{\"deleted_contacts\":1,"
                + "\"errors\":{\"c2@example.com\":{\"2008\":\"No contact found\"}}}}");

        List<DeliveryOutcome> outcomes = target().deliver(List.of(change(1, ChangeType.DELETED),
                change(2, ChangeType.DELETED)));

        RecordedRequest request = server.takeRequest();
        assertThat(request.getTarget()).isEqualTo("/api/v3/contact/delete");
        assertThat(request.getBody().utf8())
                .isEqualTo("{\"key_id\":\"3\",\"3\":[\"c1@example.com\",\"c2@example.com\"]}");
        assertThat(outcomes).containsExactly(
                new Delivered(200, "request 1: contact c1@example.com ok [delete, 2 contacts]"),
                new Delivered(200, "request 1: contact c2@example.com not found, nothing to delete "
                        + "(2008 \"No contact found\") [delete, 2 contacts]"));
    }

    @Test
    void savesAndDeletesOfOneBatchTravelInSeparateRequests() throws Exception {
        reply(200, OK_ONE);
        reply(200, "{\"replyCode\":0,\"replyText\":\"OK\",\"data\":{\"deleted_contacts\":1}}");

        List<DeliveryOutcome> outcomes = target().deliver(List.of(change(1, ChangeType.DELETED),
                change(2, ChangeType.SAVED)));

        assertThat(server.takeRequest().getMethod()).isEqualTo("PUT");
        assertThat(server.takeRequest().getTarget()).isEqualTo("/api/v3/contact/delete");
        assertThat(outcomes.get(0).detail()).startsWith("request 2: contact c1@example.com ok");
        assertThat(outcomes.get(1).detail()).startsWith("request 1: contact c2@example.com ok (id 101)");
    }

    @Test
    void saveOfAContactDeletedEarlierInTheBatchWaitsInsteadOfOvertakingTheDelete() throws Exception {
        // Customer c1 is deleted, then customer c9 is created with c1's email address.
        Delivery delete = change(1, ChangeType.DELETED);
        Delivery recreate = Delivery.builder().messageId("m9").changeType(ChangeType.SAVED)
                .integrationObject("ioCustomer").destinationId("emarsys").integrationKey("c9")
                .payload("{\"contactEmail\":\"c1@example.com\",\"firstName\":\"New\"}".getBytes(StandardCharsets.UTF_8))
                .createdAt(Instant.parse("2026-01-01T00:00:00Z")).build();
        reply(200, "{\"replyCode\":0,\"replyText\":\"OK\",\"data\":{\"deleted_contacts\":1}}");

        List<DeliveryOutcome> outcomes = target().deliver(List.of(delete, recreate));

        assertThat(server.takeRequest().getTarget()).isEqualTo("/api/v3/contact/delete");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(outcomes.get(0)).isInstanceOf(Delivered.class);
        assertThat(outcomes.get(1)).isEqualTo(new Failed(0,
                "not sent: contact c1@example.com is deleted earlier in this batch, and deletes travel after upserts", true,
                null));
    }

    @Test
    void changeWithoutKeyValueFailsAloneAndPermanently() throws Exception {
        reply(200, OK_ONE);
        Delivery noEmail = Delivery.builder().messageId("m9").changeType(ChangeType.SAVED)
                .integrationObject("ioCustomer").destinationId("emarsys").integrationKey("c9")
                .payload("{\"customerID\":\"c9\",\"firstName\":\"F\"}".getBytes(StandardCharsets.UTF_8))
                .createdAt(Instant.EPOCH).build();
        Delivery notJson = Delivery.builder().messageId("m8").changeType(ChangeType.SAVED)
                .integrationObject("ioCustomer").destinationId("emarsys").integrationKey("c8")
                .payload("{oops".getBytes(StandardCharsets.UTF_8)).createdAt(Instant.EPOCH).build();

        List<DeliveryOutcome> outcomes = target().deliver(List.of(noEmail, change(1, ChangeType.SAVED), notJson));

        assertThat(outcomes.get(0)).isEqualTo(new Failed(0, "not sent: integration key c9 of ioCustomer: the payload "
                + "has no value for the key attribute 'contactEmail' (Emarsys field 3)", false, null));
        assertThat(outcomes.get(1)).isInstanceOf(Delivered.class);
        assertThat(outcomes.get(2)).isEqualTo(new Failed(0, "not sent: integration key c8 of ioCustomer: the payload "
                + "is not JSON", false, null));
        JsonNode body = JSON.readTree(server.takeRequest().getBody().utf8());
        assertThat(body.path("contacts")).hasSize(1);
    }

    @Test
    void twoChangesWithTheSameKeyValueTravelInSeparateRequests() {
        reply(200, OK_ONE);
        reply(200, OK_ONE);
        Delivery other = Delivery.builder().messageId("m9").changeType(ChangeType.SAVED)
                .integrationObject("ioCustomer").destinationId("emarsys").integrationKey("c9")
                .payload("{\"contactEmail\":\"c1@example.com\",\"firstName\":\"Other\"}".getBytes(StandardCharsets.UTF_8))
                .createdAt(Instant.EPOCH).build();

        List<DeliveryOutcome> outcomes = target().deliver(List.of(change(1, ChangeType.SAVED), other));

        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(outcomes).allMatch(o -> o instanceof Delivered);
    }

    @Test
    void requestsStayWithinTheConfiguredSize() {
        reply(200, ids(1, 5));
        reply(200, ids(6, 5));
        EmarsysContactTarget target = EmarsysContactTarget.builder(client, mapping).maxRequestBytes(1024).build();

        target.deliver(saves(10));

        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void fieldNamesAreResolvedOnceWithOneFieldListRequest() throws Exception {
        reply(200, "{\"replyCode\":0,\"replyText\":\"OK\",\"data\":[{\"id\":3,\"name\":\"Email\","
                + "\"application_type\":\"longtext\",\"string_id\":\"email\"},{\"id\":\"4711\",\"name\":\"Customer ID\","
                + "\"application_type\":\"shorttext\",\"string_id\":null}]}");
        reply(200, OK_ONE);
        reply(200, OK_ONE);
        ContactMapping byName = ContactMapping.builder().field("contactEmail", 3).field("customerID", "Customer ID")
                .keyField("Customer ID").build();
        EmarsysContactTarget target = EmarsysContactTarget.builder(client, byName).build();

        target.deliver(saves(1));
        target.deliver(List.of(change(2, ChangeType.SAVED)));

        assertThat(server.takeRequest().getTarget()).isEqualTo("/api/v3/field");
        assertThat(server.takeRequest().getBody().utf8())
                .isEqualTo("{\"key_id\":\"4711\",\"contacts\":[{\"3\":\"c1@example.com\",\"4711\":\"c1\"}]}");
        assertThat(server.takeRequest().getTarget()).isEqualTo("/api/v3/contact/?create_if_not_exists=1");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void unknownFieldNameFailsTheBatchPermanentlyWithTheName() {
        reply(200, "{\"replyCode\":0,\"replyText\":\"OK\",\"data\":[{\"id\":3,\"name\":\"Email\"}]}");
        ContactMapping byName = ContactMapping.builder().field("contactEmail", 3).field("customerID", "Customer ID")
                .build();

        List<DeliveryOutcome> outcomes = EmarsysContactTarget.builder(client, byName).build().deliver(saves(2));

        assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOfSatisfying(Failed.class, f -> {
            assertThat(f.retryable()).isFalse();
            assertThat(f.detail()).startsWith("not sent: the contact mapping could not be resolved: Emarsys field "
                    + "'Customer ID' (mapped from payload attribute 'customerID') is not defined in the account");
        }));
    }
}
