package dev.ioflow.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs payloads the <a href="https://www.standardwebhooks.com/">Standard Webhooks</a> way, so that receivers can
 * check that a request comes from this application and was not altered: {@code webhook-id} (the message id),
 * {@code webhook-timestamp} (epoch seconds) and {@code webhook-signature} =
 * {@code v1,} + Base64(HMAC-SHA256(secret, id + "." + timestamp + "." + body)).
 *
 * <pre>{@code
 * WebhookSigner signer = WebhookSigner.of(System.getenv("CRM_WEBHOOK_SECRET")); // "whsec_…"
 * WebhookConfiguration crm = WebhookConfiguration.builder(renderer, "crm").signer(signer).build();
 * }</pre>
 *
 * A receiver (or a test) checks a request with {@link #verify}: constant-time comparison, and a timestamp no more than
 * five minutes away, as the reference libraries do. The secret never appears in {@code toString}, logs or
 * monitoring. Thread-safe.
 *
 * @since 0.1
 */
public final class WebhookSigner {
    /** Header carrying the message id. */
    public static final String ID_HEADER = "webhook-id";
    /** Header carrying the signing time in epoch seconds. */
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    /** Header carrying the signature. */
    public static final String SIGNATURE_HEADER = "webhook-signature";
    /** How far a request's timestamp may be from the receiver's clock (the reference libraries' tolerance). */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final String PREFIX = "whsec_";
    private final SecretKeySpec key;

    private WebhookSigner(byte[] secret) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /**
     * A signer for a secret in the Standard Webhooks form {@code whsec_<base64>} (the prefix may be left out).
     *
     * @throws IllegalArgumentException when the secret is not Base64 or is shorter than 24 bytes (the message
     *                                  never contains the secret)
     */
    public static WebhookSigner of(String secret) {
        Objects.requireNonNull(secret, "secret");
        String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("webhook signing secret is not 'whsec_' followed by Base64", e);
        }
        if (bytes.length < 24) {
            throw new IllegalArgumentException("webhook signing secret must hold at least 24 bytes, got "
                    + bytes.length);
        }
        return new WebhookSigner(bytes);
    }

    /** The {@code webhook-signature} value for this message: {@code v1,<base64 HMAC-SHA256>}. */
    public String signature(String messageId, long epochSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update((messageId + "." + epochSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /**
     * Whether a received request is authentic: its {@code webhook-timestamp} is within {@link #TOLERANCE} of
     * {@code now} and one of the space-separated signatures in {@code webhook-signature} matches the body.
     *
     * @param messageId       the {@code webhook-id} header
     * @param timestamp       the {@code webhook-timestamp} header
     * @param body            the raw request body
     * @param signatureHeader the {@code webhook-signature} header
     * @param now             the receiver's current time
     */
    public boolean verify(String messageId, String timestamp, byte[] body, String signatureHeader, Instant now) {
        if (messageId == null || timestamp == null || body == null || signatureHeader == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            return false;
        }
        byte[] expected = signature(messageId, seconds, body).getBytes(StandardCharsets.US_ASCII);
        boolean match = false;
        for (String candidate : signatureHeader.trim().split(" +")) {
            match |= MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII));
        }
        return match;
    }

    @Override
    public String toString() {
        return "WebhookSigner[secret=***]";
    }
}
