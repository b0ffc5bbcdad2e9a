package dev.ioflow.webhook.spi;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What becomes of one claimed {@link OutboxEntry} after a delivery attempt: it was delivered (it leaves the outbox),
 * it failed and is retried later, or it failed for good (a dead letter). {@link Outbox#settle} applies a worker's
 * settlements together, each only while the entry's claim ({@link OutboxEntry#claimedBy()} and
 * {@link OutboxEntry#claimToken()}) still holds.
 *
 * @since 1.0
 */
public final class Settlement {

    /** The kinds of settlement. */
    public enum Kind {
        /** Delivered: the entry leaves the outbox. */
        COMPLETED,
        /** Failed, retried at {@link #nextAttemptAt()}: the claim is released. */
        RESCHEDULED,
        /** Failed for good: the entry becomes a dead letter. */
        DEAD_LETTERED
    }

    private final Kind kind;
    private final OutboxEntry entry;
    private final int attempts;
    private final @Nullable Instant nextAttemptAt;
    private final @Nullable String lastError;

    private Settlement(Kind kind, OutboxEntry entry, int attempts, @Nullable Instant nextAttemptAt,
                       @Nullable String lastError) {
        this.kind = kind;
        this.entry = Objects.requireNonNull(entry, "entry");
        if (entry.claimedBy() == null) {
            throw new IllegalArgumentException("only a claimed entry can be settled, got " + entry);
        }
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative, got " + attempts);
        }
        this.attempts = attempts;
        this.nextAttemptAt = nextAttemptAt;
        this.lastError = lastError;
    }

    /** The claimed entry was delivered. */
    public static Settlement completed(OutboxEntry claimed) {
        return new Settlement(Kind.COMPLETED, claimed, claimed.attempts() + 1, null, null);
    }

    /** The claimed entry's attempt failed; it is retried at {@code nextAttemptAt}. */
    public static Settlement rescheduled(OutboxEntry claimed, int attempts, Instant nextAttemptAt,
                                         @Nullable String lastError) {
        return new Settlement(Kind.RESCHEDULED, claimed, attempts,
                Objects.requireNonNull(nextAttemptAt, "nextAttemptAt"), lastError);
    }

    /** The claimed entry failed for good. */
    public static Settlement deadLettered(OutboxEntry claimed, int attempts, String lastError) {
        return new Settlement(Kind.DEAD_LETTERED, claimed, attempts, null,
                Objects.requireNonNull(lastError, "lastError"));
    }

    /** What happens to the entry. */
    public Kind kind() {
        return kind;
    }

    /** The claimed entry, with its claim. */
    public OutboxEntry entry() {
        return entry;
    }

    /** Attempts made, this one included. */
    public int attempts() {
        return attempts;
    }

    /** When to try again ({@link Kind#RESCHEDULED} only), else null. */
    public @Nullable Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    /** The error text, or null for a completion. */
    public @Nullable String lastError() {
        return lastError;
    }

    @Override
    public String toString() {
        return "Settlement[" + kind + " " + entry + "]";
    }
}
