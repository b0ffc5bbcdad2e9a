package dev.ioflow.core.monitoring;

import java.time.Instant;
import java.util.Objects;

/**
 * What one {@link MonitorStore#delete(MonitorCleanup) cleanup call} deletes: records of an outcome older than a
 * cutoff, the oldest first, at most a number of them.
 *
 * @param outcome which records: successes or failures
 * @param cutoff  records strictly older than this instant go
 * @param max     at most this many, at least 1
 * @since 1.0
 */
public record MonitorCleanup(MonitorOutcome outcome, Instant cutoff, int max) {

    /** Checks the values. */
    public MonitorCleanup {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(cutoff, "cutoff");
        if (max < 1) {
            throw new IllegalArgumentException("a monitoring cleanup deletes at least 1 record, got max " + max);
        }
    }
}
