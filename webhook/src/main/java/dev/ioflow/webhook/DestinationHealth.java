package dev.ioflow.webhook;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The delivery health of one destination: enabled, or disabled because it kept failing; reported by
 * {@link WebhookEventListener#destinationDisabled} and {@link WebhookHealth#disabledDestinations()}.
 * While a destination is disabled its changes wait in the outbox without being attempted.
 *
 * <p>Immutable.
 *
 * @since 1.0
 */
public final class DestinationHealth {
    private final String destinationId;
    private final boolean enabled;
    private final @Nullable Instant failingSince;
    private final int consecutiveFailures;
    private final @Nullable Instant disabledAt;
    private final @Nullable String lastError;
    private final @Nullable String reason;

    private DestinationHealth(String destinationId, boolean enabled, @Nullable Instant failingSince,
                              int consecutiveFailures, @Nullable Instant disabledAt, @Nullable String lastError,
                              @Nullable String reason) {
        this.destinationId = Objects.requireNonNull(destinationId, "destinationId");
        this.enabled = enabled;
        this.failingSince = failingSince;
        this.consecutiveFailures = consecutiveFailures;
        this.disabledAt = disabledAt;
        this.lastError = lastError;
        this.reason = reason;
    }

    /** A healthy, enabled destination (no failure since its last success). */
    public static DestinationHealth healthy(String destinationId) {
        return new DestinationHealth(destinationId, true, null, 0, null, null, null);
    }

    /**
     * A destination's state.
     *
     * @param destinationId       the destination
     * @param enabled             whether its changes are attempted
     * @param failingSince        the first failure since its last success, or null
     * @param consecutiveFailures failed attempts since its last success
     * @param disabledAt          when it was disabled, or null while enabled
     * @param lastError           the last failure's detail (capped, secret-free), or null
     */
    public static DestinationHealth of(String destinationId, boolean enabled, @Nullable Instant failingSince,
                                       int consecutiveFailures, @Nullable Instant disabledAt,
                                       @Nullable String lastError) {
        return of(destinationId, enabled, failingSince, consecutiveFailures, disabledAt, lastError, null);
    }

    /**
     * A destination's state, with the reason it was disabled.
     *
     * @param destinationId       the destination
     * @param enabled             whether its changes are attempted
     * @param failingSince        the first failure since its last success, or null
     * @param consecutiveFailures failed attempts since its last success
     * @param disabledAt          when it was disabled, or null while enabled
     * @param lastError           the last failure's detail (capped, secret-free), or null
     * @param reason              why it was disabled (which limit of the policy it reached), or null
     * @since 1.1
     */
    public static DestinationHealth of(String destinationId, boolean enabled, @Nullable Instant failingSince,
                                       int consecutiveFailures, @Nullable Instant disabledAt,
                                       @Nullable String lastError, @Nullable String reason) {
        if (consecutiveFailures < 0) {
            throw new IllegalArgumentException("consecutiveFailures must not be negative, got " + consecutiveFailures);
        }
        if (!enabled && disabledAt == null) {
            throw new IllegalArgumentException("a disabled destination needs disabledAt: " + destinationId);
        }
        return new DestinationHealth(destinationId, enabled, failingSince, consecutiveFailures,
                enabled ? null : disabledAt, lastError, enabled ? null : reason);
    }

    /** The destination's id. */
    public String destinationId() {
        return destinationId;
    }

    /** Whether its changes are attempted. */
    public boolean enabled() {
        return enabled;
    }

    /** The first failure since the last success, or null when the last attempt succeeded. */
    public @Nullable Instant failingSince() {
        return failingSince;
    }

    /** Failed attempts since the last success. */
    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    /** When it was disabled, or null while enabled. */
    public @Nullable Instant disabledAt() {
        return disabledAt;
    }

    /** The last failure's detail (capped, never a secret), or null. */
    public @Nullable String lastError() {
        return lastError;
    }

    /**
     * Why it was disabled (which limit of the {@link DestinationHealthPolicy} it reached), or null while enabled.
     *
     * @since 1.1
     */
    public @Nullable String reason() {
        return reason;
    }

    /** Whether it is enabled and did not fail since its last success. */
    public boolean healthy() {
        return enabled && consecutiveFailures == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DestinationHealth h && destinationId.equals(h.destinationId) && enabled == h.enabled
                && Objects.equals(failingSince, h.failingSince) && consecutiveFailures == h.consecutiveFailures
                && Objects.equals(disabledAt, h.disabledAt) && Objects.equals(lastError, h.lastError)
                && Objects.equals(reason, h.reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(destinationId, enabled, failingSince, consecutiveFailures, disabledAt);
    }

    @Override
    public String toString() {
        return "DestinationHealth[" + destinationId + (enabled ? " enabled" : " DISABLED at " + disabledAt
                + " (" + reason + ")")
                + (failingSince == null ? "" : ", failing since " + failingSince + " (" + consecutiveFailures
                + " failures), last error: " + lastError) + "]";
    }
}
