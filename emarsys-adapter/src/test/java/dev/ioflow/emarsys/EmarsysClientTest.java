package dev.ioflow.emarsys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ioflow.core.IoflowException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmarsysClientTest {

    private final MockWebServer server = new MockWebServer();
    private EmarsysClient client;

    @BeforeEach
    void start() throws Exception {
        server.start();
        client = EmarsysClient.builder()
                .baseUrl(server.url("/api/v2").toString())
                .httpClient(new OkHttpClient())
                .build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void reply(int status, String body) {
        server.enqueue(new MockResponse.Builder().code(status).body(body).build());
    }

    private static Map<Integer, Object> contact(String email, String firstName) {
        Map<Integer, Object> c = new LinkedHashMap<>();
        c.put(3, email);
        c.put(1, firstName);
        return c;
    }

    @Test
    void upsertPutsKeyIdAndContactsWithCreateIfNotExists() throws Exception {
        reply(200, "{\"replyCode\":0,\"replyText\":\"OK\",\"data\":{\"ids\":[\"101\"]}}");

        client.upsertContacts(3, List.of(contact("a@x", "A")));

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("PUT");
        assertThat(request.getTarget()).isEqualTo("/api/v2/contact/?create_if_not_exists=1");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(request.getBody().utf8()).isEqualTo("{\"key_id\":\"3\",\"contacts\":[{\"3\":\"a@x\",\"1\":\"A\"}]}");
    }

    @Test
    void upsertSendsNullToClearAField() throws Exception {
        reply(200, "{\"replyCode\":0,\"replyText\":\"OK\",\"data\":{\"ids\":[1]}}");

        client.upsertContacts(3, List.of(contact("a@x", null)));

        assertThat(server.takeRequest().getBody().utf8())
                .isEqualTo("{\"key_id\":\"3\",\"contacts\":[{\"3\":\"a@x\",\"1\":null}]}");
    }

    @Test
    void createPostsToContact() throws Exception {
        reply(200, "{\"replyCode\":0,\"replyText\":\"OK\",\"data\":{\"ids\":[101]}}");

        client.createContacts(3, List.of(contact("a@x", "A")));

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo("/api/v2/contact");
        assertThat(request.getBody().utf8()).isEqualTo("{\"key_id\":\"3\",\"contacts\":[{\"3\":\"a@x\",\"1\":\"A\"}]}");
    }

    @Test
    void deletePostsKeyValuesUnderTheKeyId() throws Exception {
        reply(200, "{\"replyCode\":0,\"replyText\":\"OK\",\"data\":{\"deleted_contacts\":2}}");

        client.deleteContacts(3, List.of("a@x", "b@x"));

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo("/api/v2/contact/delete");
        assertThat(request.getBody().utf8()).isEqualTo("{\"key_id\":\"3\",\"3\":[\"a@x\",\"b@x\"]}");
    }

    @Test
    void getDataUsesCamelCaseKeysAndReadsResultsAndErrors() throws Exception {
        reply(200, "{\"replyCode\":0,\"replyText\":\"OK\",\"data\":{\"errors\":[{\"key\":\"zz@x\","
                + "\"errorCode\":2008,\"errorMsg\":\"No contact found\"}],\"result\":[{\"1\":\"A\",\"3\":\"a@x\","
                + "\"id\":\"101\",\"4\":null}]}}");

        ContactData data = client.getContactData(3, List.of("a@x", "zz@x"), List.of(1, 3, 4));

        assertThat(server.takeRequest().getBody().utf8())
                .isEqualTo("{\"keyId\":\"3\",\"keyValues\":[\"a@x\",\"zz@x\"],\"fields\":[\"1\",\"3\",\"4\"]}");
        assertThat(data.contacts()).hasSize(1);
        assertThat(data.contacts().get(0)).containsEntry("1", "A").containsEntry("id", "101").containsEntry("4", null);
        assertThat(data.errors()).containsEntry("zz@x", new ContactError("zz@x", 2008, "No contact found"));
    }

    @Test
    void getDataAcceptsFalseAsNoResult() {
        reply(200, "{\"replyCode\":0,\"replyText\":\"OK\",\"data\":{\"errors\":[],\"result\":false}}");

        assertThat(client.getContactData(3, List.of("a@x"), List.of(1)).contacts()).isEmpty();
    }

    @Test
    void listFieldsGetsFieldAndReadsIdsAsNumbersOrStrings() throws Exception {
        reply(200, "{\"replyCode\":0,\"replyText\":\"OK\",\"data\":[{\"id\":1,\"name\":\"First Name\","
                + "\"application_type\":\"shorttext\",\"string_id\":\"first_name\"},{\"id\":\"4711\","
                + "\"name\":\"Customer ID\",\"application_type\":\"shorttext\",\"string_id\":null}]}");

        List<EmarsysField> fields = client.listFields();

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getTarget()).isEqualTo("/api/v2/field");
        assertThat(fields).containsExactly(new EmarsysField(1, "First Name", "shorttext", "first_name"),
                new EmarsysField(4711, "Customer ID", "shorttext", null));
    }

    @Test
    void listChoicesGetsTheOptionsOfAChoiceField() throws Exception {
        reply(200, "{\"replyCode\":0,\"replyText\":\"OK\",\"data\":[{\"id\":\"1\",\"choice\":\"Male\"},"
                + "{\"id\":2,\"choice\":\"Female\"}]}");

        List<EmarsysChoice> choices = client.listChoices(5);

        assertThat(server.takeRequest().getTarget()).isEqualTo("/api/v2/field/5/choice");
        assertThat(choices).containsExactly(new EmarsysChoice("1", "Male"), new EmarsysChoice("2", "Female"));
    }

    @Test
    void idsMayBeStringsOrNumbers() {
        reply(200, "{\"replyCode\":0,\"replyText\":\"OK\",\"data\":{\"ids\":[\"101\",202]}}");

        ContactResult result = client.upsertContacts(3, List.of(contact("a@x", "A"), contact("b@x", "B")));

        assertThat(result.ids()).containsExactly("101", "202");
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void perContactErrorsInsideHttp200AreReportedByKeyValue() {
        reply(200, "{\"replyCode\":0,\"replyText\":\"OK\",\"data\":{\"ids\":[\"101\"],"
                + "\"errors\":{\"bad@\":{\"2005\":\"Invalid email address\"}}}}");

        ContactResult result = client.upsertContacts(3, List.of(contact("a@x", "A"), contact("bad@", "B")));

        assertThat(result.ids()).containsExactly("101");
        assertThat(result.errorFor("bad@")).isEqualTo(new ContactError("bad@", 2005, "Invalid email address"));
    }

    @Test
    void emptyErrorListMeansNoErrors() {
        reply(200, "{\"replyCode\":0,\"replyText\":\"OK\",\"data\":{\"ids\":[1],\"errors\":[]}}");

        assertThat(client.upsertContacts(3, List.of(contact("a@x", "A"))).errors()).isEmpty();
    }

    @Test
    void nonZeroReplyCodeWithContactErrorsIsStillAPerContactResult() {
        reply(200, "{\"replyCode\":2005,\"replyText\":\"Invalid\",\"data\":{\"ids\":[],"
                + "\"errors\":{\"bad@\":{\"2005\":\"Invalid email address\"}}}}");

        ContactResult result = client.upsertContacts(3, List.of(contact("bad@", "B")));

        assertThat(result.replyCode()).isEqualTo(2005);
        assertThat(result.errorFor("bad@").code()).isEqualTo(2005);
    }

    @Test
    void http400IsAValidationExceptionWithReplyCodeAndText() {
        reply(400, "{\"replyCode\":2004,\"replyText\":\"Invalid key field id: 99\",\"data\":\"\"}");

        assertThatThrownBy(() -> client.upsertContacts(99, List.of(contact("a@x", "A"))))
                .isInstanceOfSatisfying(EmarsysValidationException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.replyCode()).isEqualTo(2004);
                    assertThat(e.replyText()).isEqualTo("Invalid key field id: 99");
                    assertThat(e.retryable()).isFalse();
                })
                .hasMessage("Emarsys PUT contact/?create_if_not_exists=1 failed: HTTP 400, replyCode 2004 "
                        + "\"Invalid key field id: 99\"")
                .isInstanceOf(IoflowException.class);
    }

    @Test
    void http401IsAnAuthExceptionThatMayBeRetried() {
        reply(401, "{\"replyCode\":1,\"replyText\":\"Unauthorized\",\"data\":\"\"}");

        assertThatThrownBy(() -> client.listFields())
                .isInstanceOfSatisfying(EmarsysAuthException.class, e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void http403IsAnAuthExceptionThatIsNotRetried() {
        reply(403, "{\"replyCode\":1,\"replyText\":\"Endpoint not permitted\",\"data\":\"\"}");

        assertThatThrownBy(() -> client.listFields())
                .isInstanceOfSatisfying(EmarsysAuthException.class, e -> assertThat(e.retryable()).isFalse());
    }

    @Test
    void http429IsARateLimitExceptionCarryingTheResetTime() {
        server.enqueue(new MockResponse.Builder().code(429)
                .addHeader("X-RateLimit-Limit", "1000").addHeader("X-Ratelimit-Remaining", "0")
                .addHeader("X-RateLimit-Reset", "1767225600")
                .body("{\"replyCode\":7003,\"replyText\":\"Too many requests\",\"data\":\"\"}").build());

        assertThatThrownBy(() -> client.upsertContacts(3, List.of(contact("a@x", "A"))))
                .isInstanceOfSatisfying(EmarsysRateLimitException.class, e -> {
                    assertThat(e.resetAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
                    assertThat(e.replyCode()).isEqualTo(7003);
                    assertThat(e.retryable()).isTrue();
                });
    }

    @Test
    void replyCode7003InsideHttp200IsARateLimitException() {
        reply(200, "{\"replyCode\":7003,\"replyText\":\"Too many requests\",\"data\":\"\"}");

        assertThatThrownBy(() -> client.listFields()).isInstanceOf(EmarsysRateLimitException.class);
    }

    @Test
    void http500IsAServerException() {
        reply(500, "{\"replyCode\":2011,\"replyText\":\"Database error\",\"data\":\"\"}");

        assertThatThrownBy(() -> client.listFields())
                .isInstanceOfSatisfying(EmarsysServerException.class, e -> assertThat(e.replyCode()).isEqualTo(2011));
    }

    @Test
    void gatewayErrorWithoutEnvelopeIsAServerException() {
        reply(502, "<html>Bad Gateway</html>");

        assertThatThrownBy(() -> client.listFields())
                .isInstanceOf(EmarsysServerException.class)
                .hasMessageContaining("HTTP 502")
                .hasMessageContaining("Bad Gateway");
    }

    @Test
    void successWithoutEnvelopeIsAServerException() {
        reply(200, "not json");

        assertThatThrownBy(() -> client.listFields())
                .isInstanceOf(EmarsysServerException.class)
                .hasMessageContaining("without a reply envelope");
    }

    @Test
    void unreachableServerIsAServerExceptionWithoutStatus() {
        server.close();

        assertThatThrownBy(() -> client.listFields())
                .isInstanceOfSatisfying(EmarsysServerException.class, e -> assertThat(e.httpStatus()).isZero());
    }

    @Test
    void rateLimitHeadersAreReported() {
        server.enqueue(new MockResponse.Builder().code(200)
                .addHeader("X-RateLimit-Limit", "1000").addHeader("X-Ratelimit-Remaining", "998")
                .addHeader("X-RateLimit-Reset", "1767225600")
                .body("{\"replyCode\":0,\"replyText\":\"OK\",\"data\":{\"ids\":[1]}}").build());

        ContactResult result = client.upsertContacts(3, List.of(contact("a@x", "A")));

        assertThat(result.rateLimit())
                .isEqualTo(new RateLimitStatus(1000, 998, Instant.parse("2026-01-01T00:00:00Z")));
    }
}
