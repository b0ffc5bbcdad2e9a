package dev.ioflow.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot of the changes waiting in a {@link WebhookService}'s outbox, for metrics (gauges) and health checks:
 * how many are live (pending, waiting for a retry, or in flight) and how long the oldest has waited.
 *
 * <p>Immutable.
 *
 * @since 1.0
 */
public final class Backlog {
    private final long liveCount;
    private final @Nullable Instant oldestCreatedAt;
    private final Instant takenAt;

    private Backlog(long liveCount, @Nullable Instant oldestCreatedAt, Instant takenAt) {
        if (liveCount < 0) {
            throw new IllegalArgumentException("liveCount must not be negative, got " + liveCount);
        }
        this.liveCount = liveCount;
        this.oldestCreatedAt = oldestCreatedAt;
        this.takenAt = Objects.requireNonNull(takenAt, "takenAt");
    }

    /**
     * A snapshot.
     *
     * @param liveCount       live changes
     * @param oldestCreatedAt when the oldest live change was recorded, or null (none, or the outbox cannot tell)
     * @param takenAt         when the snapshot was taken
     */
    public static Backlog of(long liveCount, @Nullable Instant oldestCreatedAt, Instant takenAt) {
        return new Backlog(liveCount, oldestCreatedAt, takenAt);
    }

    /** Live changes: pending, waiting for a retry, or in flight (dead letters do not count). */
    public long liveCount() {
        return liveCount;
    }

    /** When the oldest live change was recorded, or null when none is live (or the outbox cannot tell). */
    public @Nullable Instant oldestCreatedAt() {
        return oldestCreatedAt;
    }

    /** How long the oldest live change has waited at {@link #takenAt()}; zero when none is live. */
    public Duration oldestAge() {
        if (oldestCreatedAt == null || oldestCreatedAt.isAfter(takenAt)) {
            return Duration.ZERO;
        }
        return Duration.between(oldestCreatedAt, takenAt);
    }

    /** When the snapshot was taken (the service's clock). */
    public Instant takenAt() {
        return takenAt;
    }

    @Override
    public String toString() {
        return "Backlog[" + liveCount + " live, oldest waited " + oldestAge() + "]";
    }
}
