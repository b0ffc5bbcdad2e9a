package dev.ioflow.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EmarsysStandInAuthTest {
    /** Emarsys' published example: nonce, created and secret give this digest. */
    private static final String VECTOR_HEADER = "UsernameToken Username=\"customer001\", "
            + "PasswordDigest=\"YWQyNWE5Y2JkOTY2ZTU1ODg2M2QzNzVhNDZlZGQwZjg5YjZlZTk4Yw==\", "
            + "Nonce=\"d36e316282959a9ed4c89851497a717f\", Created=\"2014-03-20T12:51:45Z\"";
    private static final Instant VECTOR_TIME = Instant.parse("2014-03-20T12:51:45Z");

    private final Http http = new Http();
    private EmarsysStandIn standIn;

    @AfterEach
    void stop() {
        standIn.close();
    }

    private EmarsysStandIn wsseAt(Instant now) {
        standIn = EmarsysStandIn.builder().wsse("customer001", "customersecret")
                .clock(Clock.fixed(now, ZoneOffset.UTC)).build().start();
        return standIn;
    }

    private EmarsysStandIn oauth() {
        standIn = EmarsysStandIn.builder().oauth("client-1", "s3cret").build().start();
        return standIn;
    }

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void acceptsTheWsseHeaderOfEmarsysPublishedExample() {
        wsseAt(VECTOR_TIME.plusSeconds(30));

        Http.Reply reply = http.call("GET", standIn.apiBaseUrl(2) + "field", null, "X-WSSE", VECTOR_HEADER);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("replyCode").asInt()).isZero();
    }

    @Test
    void rejectsAReusedNonceWithTheUnauthorizedEnvelope() {
        wsseAt(VECTOR_TIME);
        http.call("GET", standIn.apiBaseUrl(2) + "field", null, "X-WSSE", VECTOR_HEADER);

        Http.Reply again = http.call("GET", standIn.apiBaseUrl(2) + "field", null, "X-WSSE", VECTOR_HEADER);

        assertThat(again.status()).isEqualTo(401);
        assertThat(again.json().get("replyCode").asInt()).isEqualTo(1);
        assertThat(again.json().get("replyText").asText()).isEqualTo("Unauthorized");
        assertThat(again.json().get("data").asText()).isEqualTo("Nonce already used");
    }

    @Test
    void rejectsACreatedTimeMoreThanFiveMinutesFromTheServerClock() {
        wsseAt(VECTOR_TIME.plus(Duration.ofMinutes(5)).plusSeconds(1));

        Http.Reply reply = http.call("GET", standIn.apiBaseUrl(2) + "field", null, "X-WSSE", VECTOR_HEADER);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("data").asText()).isEqualTo("Time frame is invalid");
    }

    @Test
    void rejectsADigestMadeWithAnotherSecret() {
        standIn = EmarsysStandIn.builder().wsse("customer001", "another secret")
                .clock(Clock.fixed(VECTOR_TIME, ZoneOffset.UTC)).build().start();

        Http.Reply reply = http.call("GET", standIn.apiBaseUrl(2) + "field", null, "X-WSSE", VECTOR_HEADER);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("data").asText()).isEqualTo("Invalid password digest");
    }

    @Test
    void rejectsACallWithoutAuthentication() {
        wsseAt(VECTOR_TIME);

        Http.Reply reply = http.call("GET", standIn.apiBaseUrl(2) + "field", null);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("data").asText()).isEqualTo("X-WSSE header missing");
    }

    @Test
    void issuesATokenForTheClientsBasicCredentialsAndCountsTokenRequests() {
        oauth();

        Http.Reply token = http.form(standIn.tokenUrl(), "grant_type=client_credentials", basic("client-1", "s3cret"));

        assertThat(token.status()).isEqualTo(200);
        assertThat(token.json().get("token_type").asText()).isEqualTo("bearer");
        assertThat(token.json().get("expires_in").asLong()).isEqualTo(3600);
        assertThat(standIn.tokenRequestCount()).isEqualTo(1);
        assertThat(standIn.requestCount()).isZero();
    }

    @Test
    void refusesATokenForAWrongClientSecret() {
        oauth();

        Http.Reply token = http.form(standIn.tokenUrl(), "grant_type=client_credentials", basic("client-1", "wrong"));

        assertThat(token.status()).isEqualTo(401);
        assertThat(token.json().get("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void acceptsIssuedBearerTokensUntilTheyAreRevoked() {
        oauth();
        String accessToken = http.form(standIn.tokenUrl(), "grant_type=client_credentials", basic("client-1", "s3cret"))
                .json().get("access_token").asText();

        Http.Reply accepted = http.call("GET", standIn.apiBaseUrl(3) + "field", null, "Authorization", "Bearer " + accessToken);
        standIn.revokeTokens();
        Http.Reply revoked = http.call("GET", standIn.apiBaseUrl(3) + "field", null, "Authorization", "Bearer " + accessToken);

        assertThat(accepted.status()).isEqualTo(200);
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.json().get("data").asText()).isEqualTo("Unknown access token");
        assertThat(standIn.requests()).extracting(StandInRequest::authScheme).containsExactly("Bearer", "Bearer");
    }

    @Test
    void rejectsAnExpiredToken() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        MutableClock clock = new MutableClock(start);
        standIn = EmarsysStandIn.builder().oauth("client-1", "s3cret").tokenLifetime(Duration.ofMinutes(10))
                .clock(clock).build().start();
        String accessToken = http.form(standIn.tokenUrl(), "grant_type=client_credentials", basic("client-1", "s3cret"))
                .json().get("access_token").asText();
        clock.now = start.plus(Duration.ofMinutes(10));

        Http.Reply reply = http.call("GET", standIn.apiBaseUrl(3) + "field", null, "Authorization", "Bearer " + accessToken);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("data").asText()).isEqualTo("Access token expired");
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
