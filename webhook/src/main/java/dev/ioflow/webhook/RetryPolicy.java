package dev.ioflow.webhook;

import dev.ioflow.webhook.spi.DeliveryOutcome;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.jspecify.annotations.Nullable;

/**
 * When to try a failed delivery again: exponential backoff with jitter, a cap on attempts and on the age of a
 * change, and the receiver's own {@code Retry-After} honoured (it arrives as {@link DeliveryOutcome.Failed#retryAt()}).
 * Only failures that another attempt may fix are retried: I/O errors and timeouts, 408, 429 and 5xx
 * ({@link #isRetryableStatus(int)}); other 4xx and 3xx go straight to the dead letters.
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.builder()
 *         .initialDelay(Duration.ofSeconds(2))
 *         .maxAttempts(10)
 *         .jitter(RetryPolicy.Jitter.FULL)
 *         .build();
 * }</pre>
 *
 * Immutable; {@link #newBuilder()} starts a changed copy.
 *
 * @since 0.1
 */
public final class RetryPolicy {
    private final Duration initialDelay;
    private final double multiplier;
    private final Duration maxDelay;
    private final int maxAttempts;
    private final Duration maxAge;
    private final Jitter jitter;
    private final DoubleSupplier random;

    /** How the computed backoff {@code b} is randomised. */
    public enum Jitter {
        /** Exactly {@code b}. */
        NONE,
        /** Uniform in {@code [0, b)}: spreads retries best (AWS's "full jitter"). */
        FULL,
        /** {@code b/2} plus uniform in {@code [0, b/2)}: never much shorter than planned. */
        EQUAL
    }

    private RetryPolicy(Duration initialDelay, double multiplier, Duration maxDelay, int maxAttempts,
                        Duration maxAge, Jitter jitter, DoubleSupplier random) {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(jitter, "jitter");
        Objects.requireNonNull(random, "random");
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("retry delays must satisfy 0 <= initialDelay <= maxDelay, got "
                    + initialDelay + " and " + maxDelay);
        }
        if (multiplier < 1.0 || Double.isNaN(multiplier)) {
            throw new IllegalArgumentException("retry multiplier must be at least 1, got " + multiplier);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        this.initialDelay = initialDelay;
        this.multiplier = multiplier;
        this.maxDelay = maxDelay;
        this.maxAttempts = maxAttempts;
        this.maxAge = maxAge;
        this.jitter = jitter;
        this.random = random;
    }

    /** The backoff after the first failed attempt (before jitter). */
    public Duration initialDelay() {
        return initialDelay;
    }

    /** Growth of the backoff per failed attempt, at least 1. */
    public double multiplier() {
        return multiplier;
    }

    /** The largest backoff (before jitter). */
    public Duration maxDelay() {
        return maxDelay;
    }

    /** Attempts in total, the first included; the change is dead-lettered after the last. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** No attempt is scheduled later than this after the change was recorded. */
    public Duration maxAge() {
        return maxAge;
    }

    /** How the backoff is randomised. */
    public Jitter jitter() {
        return jitter;
    }

    /** Uniform values in [0, 1) for the jitter. */
    public DoubleSupplier random() {
        return random;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof RetryPolicy p && initialDelay.equals(p.initialDelay)
                && Double.compare(multiplier, p.multiplier) == 0 && maxDelay.equals(p.maxDelay)
                && maxAttempts == p.maxAttempts && maxAge.equals(p.maxAge) && jitter == p.jitter
                && random.equals(p.random);
    }

    @Override
    public int hashCode() {
        return Objects.hash(initialDelay, multiplier, maxDelay, maxAttempts, maxAge, jitter, random);
    }

    @Override
    public String toString() {
        return "RetryPolicy[initialDelay=" + initialDelay + ", multiplier=" + multiplier + ", maxDelay=" + maxDelay
                + ", maxAttempts=" + maxAttempts + ", maxAge=" + maxAge + ", jitter=" + jitter + "]";
    }

    /** The defaults: 1 s doubling up to 10 min, equal jitter, 8 attempts, within 24 h. */
    public static RetryPolicy defaults() {
        return builder().build();
    }

    /** Starts from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this policy's values. */
    public Builder newBuilder() {
        return new Builder().initialDelay(initialDelay).multiplier(multiplier).maxDelay(maxDelay)
                .maxAttempts(maxAttempts).maxAge(maxAge).jitter(jitter).random(random);
    }

    /** Whether a response with this status may succeed when sent again: 0 (no response), 408, 429, 5xx. */
    public static boolean isRetryableStatus(int httpStatus) {
        return httpStatus == 0 || httpStatus == 408 || httpStatus == 429 || (httpStatus >= 500 && httpStatus <= 599);
    }

    /** The backoff after {@code failedAttempts} failed attempts (1 after the first failure), jitter applied. */
    public Duration backoff(int failedAttempts) {
        double planned = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempts - 1));
        double base = Math.min(planned, maxDelay.toMillis());
        double millis = switch (jitter) {
            case NONE -> base;
            case FULL -> base * random.getAsDouble();
            case EQUAL -> base / 2 + base / 2 * random.getAsDouble();
        };
        return Duration.ofMillis((long) millis);
    }

    /**
     * When to try again after {@code failedAttempts} failed attempts, or null when the change must go to the dead
     * letters: attempts exhausted, or the next attempt would be later than {@code maxAge} after the change was
     * recorded. A {@code retryAt} from the receiver postpones the attempt, never advances it.
     */
    public @Nullable Instant nextAttemptAt(int failedAttempts, Instant createdAt, Instant now,
                                           @Nullable Instant retryAt) {
        if (failedAttempts >= maxAttempts) {
            return null;
        }
        Instant next = now.plus(backoff(failedAttempts));
        if (retryAt != null && retryAt.isAfter(next)) {
            next = retryAt;
        }
        return next.isAfter(createdAt.plus(maxAge)) ? null : next;
    }

    /** Builds a {@link RetryPolicy}. */
    public static final class Builder {
        private Duration initialDelay = Duration.ofSeconds(1);
        private double multiplier = 2.0;
        private Duration maxDelay = Duration.ofMinutes(10);
        private int maxAttempts = 8;
        private Duration maxAge = Duration.ofHours(24);
        private Jitter jitter = Jitter.EQUAL;
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

        private Builder() {
        }

        /** The backoff after the first failure (default 1 s). */
        public Builder initialDelay(Duration delay) {
            this.initialDelay = delay;
            return this;
        }

        /** Backoff growth per failure (default 2). */
        public Builder multiplier(double multiplier) {
            this.multiplier = multiplier;
            return this;
        }

        /** The largest backoff (default 10 min). */
        public Builder maxDelay(Duration delay) {
            this.maxDelay = delay;
            return this;
        }

        /** Attempts in total, the first included (default 8). */
        public Builder maxAttempts(int attempts) {
            this.maxAttempts = attempts;
            return this;
        }

        /** How long after its recording a change may still be attempted (default 24 h). */
        public Builder maxAge(Duration age) {
            this.maxAge = age;
            return this;
        }

        /** The jitter (default {@link Jitter#EQUAL}). */
        public Builder jitter(Jitter jitter) {
            this.jitter = jitter;
            return this;
        }

        /** Uniform values in [0, 1) for the jitter (default {@link ThreadLocalRandom}). */
        public Builder random(DoubleSupplier random) {
            this.random = random;
            return this;
        }

        /** Checks and returns the policy. */
        public RetryPolicy build() {
            return new RetryPolicy(initialDelay, multiplier, maxDelay, maxAttempts, maxAge, jitter, random);
        }
    }
}
