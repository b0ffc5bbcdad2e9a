package dev.ioflow.webhook.spi;

import java.time.Instant;

/**
 * What became of one {@link Delivery}: delivered, or failed (retryable or not).
 *
 * @since 0.1
 */
public sealed interface DeliveryOutcome {

    /** The HTTP status of the response that decided the outcome, or 0 when there was none (I/O error). */
    int httpStatus();

    /** Text for monitoring: the (capped) response or the receiver's reply for this change; never a secret. */
    String detail();

    /**
     * The change was accepted (any 2xx, or the target's own notion of success).
     *
     * @param httpStatus the response status
     * @param detail     the receiver's reply for this change, capped
     */
    record Delivered(int httpStatus, String detail) implements DeliveryOutcome {
    }

    /**
     * The change was not accepted.
     *
     * @param httpStatus the response status, or 0 for an I/O error or timeout
     * @param detail     the error, capped
     * @param retryable  whether another attempt may succeed (408, 429, 5xx, I/O errors)
     * @param retryAt    the earliest time the receiver asked to be called again (Retry-After, rate-limit reset), or null
     */
    record Failed(int httpStatus, String detail, boolean retryable, Instant retryAt) implements DeliveryOutcome {
    }

    /** Shorthand for a success. */
    static DeliveryOutcome delivered(int httpStatus, String detail) {
        return new Delivered(httpStatus, detail);
    }

    /** Shorthand for a failure that another attempt may fix. */
    static DeliveryOutcome retryable(int httpStatus, String detail, Instant retryAt) {
        return new Failed(httpStatus, detail, true, retryAt);
    }

    /** Shorthand for a failure that retrying will not fix (e.g. 400). */
    static DeliveryOutcome permanent(int httpStatus, String detail) {
        return new Failed(httpStatus, detail, false, null);
    }
}
