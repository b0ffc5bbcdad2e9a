package dev.ioflow.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * When a destination that keeps failing is disabled, as Svix does after five days: its changes then wait in the
 * outbox (parked, neither attempted nor dead-lettered) until {@link WebhookService#enableDestination} replays them,
 * and the {@link WebhookEventListener#destinationDisabled listener} and {@link WebhookService#health()} say so.
 *
 * <p>A destination is failing from its first failed attempt after a success (every change attempted counts, whatever
 * the webhook); any delivered change makes it healthy again. It is disabled as soon as one of the configured limits is
 * reached: failing for {@link #failingFor()} (default 5 days), or {@link #consecutiveFailures()} failed attempts in a
 * row (off by default). {@link #never()} turns disabling off.
 *
 * <pre>{@code
 * WebhookService.builder()
 *         .destinationHealthPolicy(DestinationHealthPolicy.builder()
 *                 .failingFor(Duration.ofDays(2))
 *                 .consecutiveFailures(500)
 *                 .build())
 *         ...
 * }</pre>
 *
 * <p>Immutable.
 *
 * @since 1.1
 */
public final class DestinationHealthPolicy {
    private static final DestinationHealthPolicy NEVER = new DestinationHealthPolicy(null, 0);
    private final @Nullable Duration failingFor;
    private final int consecutiveFailures;

    private DestinationHealthPolicy(@Nullable Duration failingFor, int consecutiveFailures) {
        this.failingFor = failingFor;
        this.consecutiveFailures = consecutiveFailures;
    }

    /** The default: disable a destination that has been failing for 5 days. */
    public static DestinationHealthPolicy defaults() {
        return builder().build();
    }

    /** Never disables a destination (its changes are retried and dead-lettered as the retry policy says). */
    public static DestinationHealthPolicy never() {
        return NEVER;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** How long a destination may fail without a success before it is disabled, or null when time does not count. */
    public @Nullable Duration failingFor() {
        return failingFor;
    }

    /** How many failed attempts in a row disable a destination, or 0 when the count does not. */
    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    /** Whether this policy ever disables a destination. */
    public boolean disables() {
        return failingFor != null || consecutiveFailures > 0;
    }

    /**
     * Why a destination in this state is to be disabled at {@code now}, or null when it is not.
     *
     * @param health the destination's state after its latest attempt
     * @param now    the time of that attempt
     */
    public @Nullable String reasonToDisable(DestinationHealth health, Instant now) {
        Instant since = health.failingSince();
        if (!health.enabled() || since == null) {
            return null;
        }
        if (consecutiveFailures > 0 && health.consecutiveFailures() >= consecutiveFailures) {
            return health.consecutiveFailures() + " failed attempts in a row since " + since + " (limit "
                    + consecutiveFailures + ")";
        }
        if (failingFor != null && Duration.between(since, now).compareTo(failingFor) >= 0) {
            return "failing since " + since + " (" + health.consecutiveFailures() + " failed attempts, no success "
                    + "for " + failingFor + " or more)";
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DestinationHealthPolicy p && Objects.equals(failingFor, p.failingFor)
                && consecutiveFailures == p.consecutiveFailures;
    }

    @Override
    public int hashCode() {
        return Objects.hash(failingFor, consecutiveFailures);
    }

    @Override
    public String toString() {
        return disables() ? "DestinationHealthPolicy[failingFor=" + failingFor + ", consecutiveFailures="
                + consecutiveFailures + "]" : "DestinationHealthPolicy[never]";
    }

    /** Configures a {@link DestinationHealthPolicy}. */
    public static final class Builder {
        private @Nullable Duration failingFor = Duration.ofDays(5);
        private int consecutiveFailures;

        private Builder() {
        }

        /**
         * Disables a destination that has failed for this long without a success (default 5 days); null leaves time
         * out of it.
         *
         * @throws IllegalArgumentException when the duration is zero or negative
         */
        public Builder failingFor(@Nullable Duration duration) {
            if (duration != null && (duration.isZero() || duration.isNegative())) {
                throw new IllegalArgumentException("failingFor must be positive, got " + duration);
            }
            this.failingFor = duration;
            return this;
        }

        /**
         * Disables a destination after this many failed attempts in a row (default 0: the count alone never does).
         *
         * @throws IllegalArgumentException when negative
         */
        public Builder consecutiveFailures(int failures) {
            if (failures < 0) {
                throw new IllegalArgumentException("consecutiveFailures must not be negative, got " + failures);
            }
            this.consecutiveFailures = failures;
            return this;
        }

        /** The policy. */
        public DestinationHealthPolicy build() {
            return new DestinationHealthPolicy(failingFor, consecutiveFailures);
        }
    }
}
