package dev.ioflow.emarsys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WsseHeaderTest {

    private static final String NONCE = "d36e316282959a9ed4c89851497a717f";
    private static final String CREATED = "2014-03-20T12:51:45Z";

    @Test
    void digestMatchesEmarsysPublicVector() {
        assertThat(WsseHeader.passwordDigest(NONCE, CREATED, "customersecret"))
                .isEqualTo("YWQyNWE5Y2JkOTY2ZTU1ODg2M2QzNzVhNDZlZGQwZjg5YjZlZTk4Yw==");
    }

    @Test
    void digestIsBase64OfTheLowercaseHexNotOfTheRawBytes() {
        String digest = WsseHeader.passwordDigest(NONCE, CREATED, "customersecret");
        assertThat(new String(Base64.getDecoder().decode(digest), StandardCharsets.US_ASCII))
                .isEqualTo("ad25a9cbd966e558863d375a46edd0f89b6ee98c");
    }

    @Test
    void digestMatchesVectorsComputedIndependently() throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < 50; i++) {
            byte[] nonceBytes = new byte[16];
            random.nextBytes(nonceBytes);
            String nonce = HexFormat.of().formatHex(nonceBytes);
            String created = Instant.ofEpochSecond(1_600_000_000L + random.nextInt(100_000_000)).toString();
            String secret = "secret-" + random.nextLong() + "-äß";
            byte[] sha1 = MessageDigest.getInstance("SHA-1")
                    .digest((nonce + created + secret).getBytes(StandardCharsets.UTF_8));
            String expected = Base64.getEncoder().encodeToString(
                    HexFormat.of().formatHex(sha1).getBytes(StandardCharsets.US_ASCII));

            assertThat(WsseHeader.passwordDigest(nonce, created, secret)).isEqualTo(expected).hasSize(56);
        }
    }

    @Test
    void signUsesSixteenRandomBytesAsLowercaseHexAndTheUtcSecond() {
        Clock clock = Clock.fixed(Instant.parse("2014-03-20T12:51:45.789Z"), ZoneOffset.ofHours(2));
        WsseHeader header = WsseHeader.sign("customer001", "customersecret", clock, new SecureRandom());

        assertThat(header.nonce()).matches("[0-9a-f]{32}");
        assertThat(header.created()).isEqualTo(CREATED);
        assertThat(header.passwordDigest())
                .isEqualTo(WsseHeader.passwordDigest(header.nonce(), CREATED, "customersecret"));
    }

    @Test
    void nonceComesFromTheInjectedRandomSource() {
        SecureRandom counting = new SecureRandom() {
            private static final long serialVersionUID = 1L;

            @Override
            public void nextBytes(byte[] bytes) {
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = (byte) (0xF0 + i);
                }
            }
        };
        Clock clock = Clock.fixed(Instant.parse(CREATED), ZoneOffset.UTC);

        WsseHeader header = WsseCredential.of("customer001", "customersecret", clock, counting).sign();

        assertThat(header.nonce()).isEqualTo("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff");
        assertThat(header.passwordDigest())
                .isEqualTo(WsseHeader.passwordDigest("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff", CREATED, "customersecret"));
    }

    @Test
    void headerValueHasEmarsysFormat() {
        WsseHeader header = WsseHeader.sign("customer001", "customersecret", NONCE, CREATED);

        assertThat(header.headerValue()).isEqualTo("UsernameToken Username=\"customer001\", "
                + "PasswordDigest=\"YWQyNWE5Y2JkOTY2ZTU1ODg2M2QzNzVhNDZlZGQwZjg5YjZlZTk4Yw==\", "
                + "Nonce=\"d36e316282959a9ed4c89851497a717f\", Created=\"2014-03-20T12:51:45Z\"");
    }

    @Test
    void parseReadsBackWhatSignWrites() {
        WsseHeader header = WsseHeader.sign("customer001", "customersecret", NONCE, CREATED);

        assertThat(WsseHeader.parse(header.headerValue())).isEqualTo(header);
    }

    @Test
    void parseAcceptsAnyAttributeOrderCaseAndHeaderNamePrefix() {
        WsseHeader parsed = WsseHeader.parse("X-WSSE: UsernameToken nonce=\"" + NONCE + "\",Created=\"" + CREATED
                + "\", passworddigest=\"abc=\", USERNAME=\"u\"");

        assertThat(parsed).isEqualTo(new WsseHeader("u", "abc=", NONCE, CREATED));
    }

    @Test
    void parseNamesTheMissingAttribute() {
        assertThatThrownBy(() -> WsseHeader.parse("UsernameToken Username=\"u\", PasswordDigest=\"d\", "
                + "Created=\"" + CREATED + "\""))
                .isInstanceOf(EmarsysAuthException.class)
                .hasMessage("the X-WSSE header has no Nonce");
    }

    @Test
    void parseRejectsOtherSchemes() {
        assertThatThrownBy(() -> WsseHeader.parse("Basic dXNlcjpwYXNz"))
                .isInstanceOf(EmarsysAuthException.class)
                .hasMessageContaining("does not start with UsernameToken");
    }

    @Test
    void matchesOnlyTheSecretItWasSignedWith() {
        WsseHeader header = WsseHeader.parse(
                WsseHeader.sign("customer001", "customersecret", NONCE, CREATED).headerValue());

        assertThat(header.matches("customersecret")).isTrue();
        assertThat(header.matches("othersecret")).isFalse();
    }

    @Test
    void isFreshWithinToleranceOfCreated() {
        WsseHeader header = WsseHeader.sign("u", "s", NONCE, CREATED);
        Instant created = Instant.parse(CREATED);

        assertThat(header.isFresh(created.plusSeconds(299), Duration.ofMinutes(5))).isTrue();
        assertThat(header.isFresh(created.minusSeconds(299), Duration.ofMinutes(5))).isTrue();
        assertThat(header.isFresh(created.plusSeconds(301), Duration.ofMinutes(5))).isFalse();
    }

    @Test
    void toStringShowsNeitherDigestNorSecret() {
        WsseHeader header = WsseHeader.sign("customer001", "customersecret", NONCE, CREATED);

        assertThat(header.toString()).contains("customer001", NONCE)
                .doesNotContain(header.passwordDigest(), "customersecret");
    }
}
