package dev.ioflow.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one delivery attempt as a {@link WebhookEventListener} sees it: attempt number, HTTP status, how
 * long the target call took, how long the change had waited since it was recorded, the (capped, secret-free)
 * detail and, for a scheduled retry, when it is due.
 *
 * <p>Immutable.
 *
 * @since 1.0
 */
public final class DeliveryAttempt {
    private final int attempt;
    private final int httpStatus;
    private final Duration callDuration;
    private final Duration latency;
    private final @Nullable String detail;
    private final @Nullable Instant nextAttemptAt;

    private DeliveryAttempt(int attempt, int httpStatus, Duration callDuration, Duration latency,
                            @Nullable String detail, @Nullable Instant nextAttemptAt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1, got " + attempt);
        }
        this.attempt = attempt;
        this.httpStatus = httpStatus;
        this.callDuration = Objects.requireNonNull(callDuration, "callDuration");
        this.latency = Objects.requireNonNull(latency, "latency");
        this.detail = detail;
        this.nextAttemptAt = nextAttemptAt;
    }

    /**
     * An attempt's outcome.
     *
     * @param attempt       1 for the first attempt
     * @param httpStatus    the response status, 0 when there was none
     * @param callDuration  how long the target call took (for a batch: the whole batch call)
     * @param latency       from the change's creation to this outcome
     * @param detail        the receiver's reply or the error, capped, or null
     * @param nextAttemptAt when the retry is due, or null when none is scheduled
     */
    public static DeliveryAttempt of(int attempt, int httpStatus, Duration callDuration, Duration latency,
                                     @Nullable String detail, @Nullable Instant nextAttemptAt) {
        return new DeliveryAttempt(attempt, httpStatus, callDuration, latency, detail, nextAttemptAt);
    }

    /** 1 for the first attempt. */
    public int attempt() {
        return attempt;
    }

    /** The response status, 0 when there was none (I/O error, target exception). */
    public int httpStatus() {
        return httpStatus;
    }

    /** How long the target call took (for a batch: the whole batch call). */
    public Duration callDuration() {
        return callDuration;
    }

    /** From the change's creation to this outcome: the end-to-end latency of a delivered change. */
    public Duration latency() {
        return latency;
    }

    /** The receiver's reply or the error, capped at 1 KiB, or null. */
    public @Nullable String detail() {
        return detail;
    }

    /** When the next attempt is due (a scheduled retry), or null. */
    public @Nullable Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    @Override
    public String toString() {
        return "DeliveryAttempt[" + attempt + ", http " + httpStatus + ", call " + callDuration.toMillis()
                + " ms, latency " + latency.toMillis() + " ms" + (nextAttemptAt == null ? "" : ", next "
                + nextAttemptAt) + "]";
    }
}
