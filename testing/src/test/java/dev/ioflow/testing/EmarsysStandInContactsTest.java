package dev.ioflow.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmarsysStandInContactsTest {
    private static final Instant NOW = Instant.parse("2026-11-23T18:00:00Z");
    private final Http http = new Http();
    private EmarsysStandIn standIn;
    private String api;

    @BeforeEach
    void start() {
        standIn = EmarsysStandIn.builder().customField(12345, "Customer ID")
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build().start();
        api = standIn.apiBaseUrl(2);
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    private Http.Reply upsert(String json) {
        return http.call("PUT", api + "contact/?create_if_not_exists=1", json);
    }

    @Test
    void upsertCreatesContactsFoundByTheirKeyField() {
        Http.Reply reply = upsert("{\"key_id\":\"12345\",\"contacts\":[{\"12345\":\"c1\",\"3\":\"c1@example.com\",\"1\":\"First1\"}]}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("replyCode").asInt()).isZero();
        assertThat(reply.json().at("/data/ids/0").isNumber()).isTrue();
        assertThat(standIn.contact(12345, "c1")).containsEntry("3", "c1@example.com").containsEntry("1", "First1");
    }

    @Test
    void upsertOfAnExistingKeyChangesOnlyTheGivenFields() {
        upsert("{\"key_id\":\"12345\",\"contacts\":[{\"12345\":\"c3\",\"3\":\"c3@example.com\",\"1\":\"First3\"}]}");

        Http.Reply reply = upsert("{\"key_id\":12345,\"contacts\":[{\"12345\":\"c3\",\"3\":\"c3.new@example.com\"}]}");

        assertThat(reply.json().at("/data/ids/0").isTextual()).isTrue();
        assertThat(standIn.contacts()).hasSize(1);
        assertThat(standIn.contact(12345, "c3")).containsEntry("3", "c3.new@example.com").containsEntry("1", "First3");
    }

    @Test
    void anInvalidEmailFailsThatContactOnlyWithReplyCode2007() {
        Http.Reply reply = upsert("{\"contacts\":[{\"3\":\"not-an-email\"},{\"3\":\"ok@example.com\"}]}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().at("/data/errors/not-an-email/2007").asText()).isEqualTo("Invalid email address");
        assertThat(reply.json().at("/data/ids")).hasSize(1);
        assertThat(standIn.contacts()).containsExactly(Map.of("3", "ok@example.com"));
    }

    @Test
    void anUnknownFieldIdFailsThatContactWithReplyCode2006() {
        Http.Reply reply = upsert("{\"contacts\":[{\"3\":\"a@example.com\",\"777\":\"x\"}]}");

        assertThat(reply.json().at("/data/errors/a@example.com/2006").asText()).isEqualTo("Invalid field id: 777");
        assertThat(standIn.contacts()).isEmpty();
    }

    @Test
    void aContactWithoutKeyValueFailsWithReplyCode2005() {
        Http.Reply reply = upsert("{\"key_id\":\"12345\",\"contacts\":[{\"3\":\"a@example.com\"}]}");

        assertThat(reply.json().at("/data/errors/0/2005").asText()).contains("key field: 12345");
    }

    @Test
    void updateWithoutCreateIfNotExistsReportsAMissingContactWith2008() {
        Http.Reply reply = http.call("PUT", api + "contact", "{\"contacts\":[{\"3\":\"nobody@example.com\"}]}");

        assertThat(reply.json().at("/data/errors/nobody@example.com/2008").isTextual()).isTrue();
        assertThat(standIn.contacts()).isEmpty();
    }

    @Test
    void createOfAnExistingKeyFailsWith2009() {
        http.call("POST", api + "contact", "{\"contacts\":[{\"3\":\"a@example.com\"}]}");

        Http.Reply reply = http.call("POST", api + "contact", "{\"contacts\":[{\"3\":\"a@example.com\"}]}");

        assertThat(reply.json().at("/data/errors/a@example.com/2009").isTextual()).isTrue();
        assertThat(standIn.contacts()).hasSize(1);
    }

    @Test
    void deleteRemovesContactsByKeyValueAndReportsUnknownOnesWith2008() {
        upsert("{\"key_id\":\"12345\",\"contacts\":[{\"12345\":\"c4\",\"3\":\"c4@example.com\"},{\"12345\":\"c5\",\"3\":\"c5@example.com\"}]}");

        Http.Reply reply = http.call("POST", api + "contact/delete", "{\"key_id\":\"12345\",\"12345\":[\"c5\",\"c9\"]}");

        assertThat(reply.json().at("/data/deleted_contacts").asInt()).isEqualTo(1);
        assertThat(reply.json().at("/data/errors/c9/2008").isTextual()).isTrue();
        assertThat(standIn.contact(12345, "c5")).isEmpty();
        assertThat(standIn.contact(12345, "c4")).isNotEmpty();
    }

    @Test
    void getDataReturnsTheRequestedFieldsAndErrorsForUnknownKeys() {
        upsert("{\"contacts\":[{\"3\":\"a@example.com\",\"1\":\"Ann\",\"2\":\"Lee\"}]}");

        Http.Reply reply = http.call("POST", api + "contact/getdata",
                "{\"keyId\":\"3\",\"keyValues\":[\"a@example.com\",\"b@example.com\"],\"fields\":[\"1\"]}");

        assertThat(reply.json().at("/data/result/0/1").asText()).isEqualTo("Ann");
        assertThat(reply.json().at("/data/result/0").has("2")).isFalse();
        assertThat(reply.json().at("/data/errors/0/key").asText()).isEqualTo("b@example.com");
        assertThat(reply.json().at("/data/errors/0/errorCode").asInt()).isEqualTo(2008);
    }

    @Test
    void fieldListIncludesTheStandardAndTheConfiguredCustomFields() {
        Http.Reply reply = http.call("GET", api + "field", null);

        assertThat(reply.json().get("data").findValuesAsText("name")).contains("E-Mail", "First Name", "Customer ID");
    }

    @Test
    void aBatchOfMoreThan1000ContactsIsRefusedWithReplyCode1000() {
        String contacts = IntStream.range(0, 1001).mapToObj(i -> "{\"3\":\"u" + i + "@example.com\"}")
                .collect(Collectors.joining(","));

        Http.Reply reply = upsert("{\"contacts\":[" + contacts + "]}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("replyCode").asInt()).isEqualTo(1000);
        assertThat(standIn.contacts()).isEmpty();
    }

    @Test
    void scriptedRateLimitAnswers429WithTheResetTimeThenServesAgain() {
        standIn.rateLimitNext(1, Duration.ofSeconds(2));

        Http.Reply limited = upsert("{\"contacts\":[{\"3\":\"a@example.com\"}]}");
        Http.Reply next = upsert("{\"contacts\":[{\"3\":\"a@example.com\"}]}");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().get("replyCode").asInt()).isEqualTo(7003);
        assertThat(limited.headers().get("X-RateLimit-Reset")).isEqualTo(String.valueOf(NOW.getEpochSecond() + 2));
        assertThat(next.status()).isEqualTo(200);
        assertThat(standIn.contacts()).hasSize(1);
    }

    @Test
    void scriptedServerErrorsAnswerTheGivenStatusWithoutTouchingContacts() {
        standIn.failNext(2, 503);

        Http.Reply first = upsert("{\"contacts\":[{\"3\":\"a@example.com\"}]}");
        Http.Reply second = upsert("{\"contacts\":[{\"3\":\"a@example.com\"}]}");
        Http.Reply third = upsert("{\"contacts\":[{\"3\":\"a@example.com\"}]}");

        assertThat(first.status()).isEqualTo(503);
        assertThat(second.status()).isEqualTo(503);
        assertThat(third.status()).isEqualTo(200);
        assertThat(standIn.contacts()).hasSize(1);
    }

    @Test
    void aFaultForOneEndpointLeavesTheOtherEndpointsAlone() {
        standIn.failNext(1, 500, "contact/delete");

        Http.Reply fields = http.call("GET", api + "field", null);
        Http.Reply upsert = upsert("{\"contacts\":[{\"3\":\"a@example.com\"}]}");
        Http.Reply delete = http.call("POST", api + "contact/delete", "{\"key_id\":\"3\",\"3\":[\"a@example.com\"]}");

        assertThat(fields.status()).isEqualTo(200);
        assertThat(upsert.status()).isEqualTo(200);
        assertThat(delete.status()).isEqualTo(500);
        assertThat(delete.json().get("replyCode").asInt()).isEqualTo(2011);
        assertThat(standIn.contacts()).hasSize(1);
    }

    @Test
    void logsEveryApiCallWithItsEndpointAndStatus() {
        upsert("{\"contacts\":[{\"3\":\"a@example.com\"}]}");
        http.call("POST", api + "contact/delete", "{\"key_id\":\"3\",\"3\":[\"a@example.com\"]}");

        assertThat(standIn.requestCount()).isEqualTo(2);
        assertThat(standIn.requests()).extracting(StandInRequest::method, StandInRequest::endpoint, StandInRequest::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PUT", "contact", 200),
                        org.assertj.core.groups.Tuple.tuple("POST", "contact/delete", 200));
        assertThat(standIn.requests().get(0).path()).isEqualTo("/api/v2/contact/?create_if_not_exists=1");
    }
}
