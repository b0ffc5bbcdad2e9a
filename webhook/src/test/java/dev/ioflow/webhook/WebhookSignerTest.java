package dev.ioflow.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {
    // The example from the Standard Webhooks specification's reference libraries.
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Test
    void signsLikeTheStandardWebhooksReferenceExample() {
        String signature = WebhookSigner.of(SECRET).signature("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));

        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void theSecretMayComeWithoutItsPrefix() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

        assertThat(WebhookSigner.of(SECRET.substring(6)).signature("m", 1, body))
                .isEqualTo(WebhookSigner.of(SECRET).signature("m", 1, body));
    }

    @Test
    void aSecretThatIsNotBase64IsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> WebhookSigner.of("whsec_not*base64!"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("webhook signing secret is not 'whsec_' followed by Base64");
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> WebhookSigner.of("whsec_c2hvcnQ="))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("webhook signing secret must hold at least 24 bytes, got 5");
    }

    @Test
    void toStringHidesTheSecret() {
        assertThat(WebhookSigner.of(SECRET).toString()).doesNotContain(SECRET.substring(6)).contains("***");
    }

    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final Instant SIGNED_AT = Instant.ofEpochSecond(1614265330);

    @Test
    void verifyAcceptsAnAuthenticRequest() {
        WebhookSigner signer = WebhookSigner.of(SECRET);
        String header = signer.signature(ID, SIGNED_AT.getEpochSecond(), BODY);

        assertThat(signer.verify(ID, "1614265330", BODY, header, SIGNED_AT.plusSeconds(60))).isTrue();
    }

    @Test
    void verifyFindsTheMatchingSignatureAmongSeveral() {
        WebhookSigner signer = WebhookSigner.of(SECRET);
        String header = "v1,bm90IGl0 " + signer.signature(ID, SIGNED_AT.getEpochSecond(), BODY);

        assertThat(signer.verify(ID, "1614265330", BODY, header, SIGNED_AT)).isTrue();
    }

    @Test
    void verifyRejectsATamperedBody() {
        WebhookSigner signer = WebhookSigner.of(SECRET);
        String header = signer.signature(ID, SIGNED_AT.getEpochSecond(), BODY);

        assertThat(signer.verify(ID, "1614265330", "{\"test\": 1}".getBytes(StandardCharsets.UTF_8), header, SIGNED_AT))
                .isFalse();
    }

    @Test
    void verifyRejectsATimestampMoreThanFiveMinutesAway() {
        WebhookSigner signer = WebhookSigner.of(SECRET);
        String header = signer.signature(ID, SIGNED_AT.getEpochSecond(), BODY);

        assertThat(signer.verify(ID, "1614265330", BODY, header, SIGNED_AT.plusSeconds(301))).isFalse();
        assertThat(signer.verify(ID, "1614265330", BODY, header, SIGNED_AT.minusSeconds(301))).isFalse();
        assertThat(signer.verify(ID, "yesterday", BODY, header, SIGNED_AT)).isFalse();
    }
}
