package dev.ioflow.emarsys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an {@link EmarsysContactTarget} below Emarsys' per-minute request limit: it remembers the rate-limit
 * headers of the last answer and, when {@code X-Ratelimit-Remaining} falls to the low-water mark or a request was
 * answered 429, makes the next request wait until {@code X-RateLimit-Reset} (at most {@link Builder#maxWait}).
 * Thread-safe; one pacer per API user.
 *
 * <pre>{@code
 * RateLimitPacer pacer = RateLimitPacer.builder()
 *         .lowWaterMark(20)                     // wait for the reset when 20 or fewer requests remain
 *         .maxWait(Duration.ofSeconds(60))
 *         .build();
 * }</pre>
 *
 * @since 0.1
 */
public final class RateLimitPacer {

    private static final Logger LOG = LoggerFactory.getLogger(RateLimitPacer.class);

    /** Waits for a while; tests pass a fake that advances a fake clock. */
    @FunctionalInterface
    public interface Sleeper {
        /** Waits for {@code duration}. */
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Clock clock;
    private final Sleeper sleeper;
    private final int lowWaterMark;
    private final Duration maxWait;
    private @Nullable Integer remaining;
    private @Nullable Instant resetAt;
    private Instant pausedUntil;

    private RateLimitPacer(Builder b) {
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.lowWaterMark = b.lowWaterMark;
        this.maxWait = b.maxWait;
    }

    /** Starts a pacer: system clock, {@link Thread#sleep}, low-water mark 10, at most 60 s of waiting. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Waits, if the last answer said few requests remain, until the limit resets (capped at the maximum wait).
     * An interrupt ends the wait early and is kept on the thread.
     */
    public void awaitPermit() {
        Duration wait;
        synchronized (this) {
            if (remaining != null && resetAt != null && remaining <= lowWaterMark) {
                // Every caller pauses until then, not only the first: concurrent workers share the API user's limit.
                Instant latest = clock.instant().plus(maxWait);
                Instant until = resetAt.isAfter(latest) ? latest : resetAt;
                pausedUntil = pausedUntil == null || until.isAfter(pausedUntil) ? until : pausedUntil;
                remaining = null;
                resetAt = null;
            }
            if (pausedUntil == null) {
                return;
            }
            wait = Duration.between(clock.instant(), pausedUntil);
            if (wait.isNegative() || wait.isZero()) {
                pausedUntil = null;
                return;
            }
        }
        Duration capped = wait.compareTo(maxWait) > 0 ? maxWait : wait;
        LOG.info("Emarsys rate limit nearly used up; pausing {} ms until the reset", capped.toMillis());
        try {
            sleeper.sleep(capped);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Remembers the rate-limit headers of an answer (answers without them change nothing). */
    public synchronized void observe(RateLimitStatus status) {
        if (status.remaining() != null) {
            remaining = status.remaining();
            resetAt = status.resetAt();
        }
    }

    /** Remembers that Emarsys answered 429: nothing remains until {@code reset} (null: nothing is known). */
    public synchronized void rateLimited(Instant reset) {
        if (reset != null) {
            remaining = 0;
            resetAt = reset;
        }
    }

    /** Builds a {@link RateLimitPacer}. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = duration -> Thread.sleep(duration.toMillis());
        private int lowWaterMark = 10;
        private Duration maxWait = Duration.ofSeconds(60);

        private Builder() {
        }

        /** The clock the reset time is compared with. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How to wait (default {@link Thread#sleep}). */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** Wait for the reset when this many requests or fewer remain (default 10; 0 waits only after a 429). */
        public Builder lowWaterMark(int lowWaterMark) {
            if (lowWaterMark < 0) {
                throw new IllegalArgumentException("lowWaterMark must not be negative: " + lowWaterMark);
            }
            this.lowWaterMark = lowWaterMark;
            return this;
        }

        /** The longest single wait (default 60 s, Emarsys' window); longer resets are left to the retry policy. */
        public Builder maxWait(Duration maxWait) {
            this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
            return this;
        }

        /** Returns the pacer. */
        public RateLimitPacer build() {
            return new RateLimitPacer(this);
        }
    }
}
