package dev.ioflow.core.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long monitoring records are kept, per outcome. SAP cleans both inbound and outbound monitoring records after
 * 7 days (604,800 s) by default, which {@link #sapDefaults()} follows; keep failures longer with
 * {@link #failures(Duration)} when dead letters are investigated late.
 *
 * <pre>{@code
 * MonitorRetention retention = MonitorRetention.sapDefaults().failures(Duration.ofDays(30));
 * }</pre>
 *
 * @param successes how long successful records are kept
 * @param failures  how long failed records are kept
 * @since 1.0
 */
public record MonitorRetention(Duration successes, Duration failures) {

    /** SAP's default retention of monitoring records, for successes and errors alike. */
    public static final Duration SAP_DEFAULT = Duration.ofDays(7);

    /** Checks that both periods are positive. */
    public MonitorRetention {
        requirePositive(successes, "success");
        requirePositive(failures, "failure");
    }

    /** Both outcomes kept {@link #SAP_DEFAULT 7 days}. */
    public static MonitorRetention sapDefaults() {
        return new MonitorRetention(SAP_DEFAULT, SAP_DEFAULT);
    }

    /** Both outcomes kept for {@code period}. */
    public static MonitorRetention of(Duration period) {
        return new MonitorRetention(period, period);
    }

    /** A copy keeping successes for {@code period}. */
    public MonitorRetention successes(Duration period) {
        return new MonitorRetention(period, failures);
    }

    /** A copy keeping failures for {@code period}. */
    public MonitorRetention failures(Duration period) {
        return new MonitorRetention(successes, period);
    }

    /** How long records of the outcome are kept. */
    public Duration period(MonitorOutcome outcome) {
        return outcome == MonitorOutcome.SUCCESS ? successes : failures;
    }

    /** Records of the outcome older than this instant have expired at {@code now}. */
    public Instant cutoff(MonitorOutcome outcome, Instant now) {
        return now.minus(period(outcome));
    }

    private static void requirePositive(Duration period, String what) {
        Objects.requireNonNull(period, what + " retention");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("monitoring " + what + " retention must be positive, got " + period);
        }
    }
}
