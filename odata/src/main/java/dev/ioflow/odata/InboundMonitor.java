package dev.ioflow.odata;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * Inbound monitoring (SAP's {@code InboundIntegrationMonitoring}): an {@link InboundRequest} per request, kept in
 * memory for the retention period (default 7 days, SAP's default), with the request body kept only where the payload
 * toggles ask (both off by default, like {@code inboundservices.monitoring.success/error.payload.retention}).
 *
 * <pre>{@code
 * InboundMonitor monitor = InboundMonitor.builder().errorPayloads(true).build();
 * InboundService service = InboundService.builder().monitor(monitor)...build();
 * monitor.requests().forEach(System.out::println);
 * }</pre>
 *
 * @since 1.0
 */
public final class InboundMonitor {
    private final Clock clock;
    private final Duration retention;
    private final boolean successPayloads;
    private final boolean errorPayloads;
    private final int maxRecords;
    private final Deque<InboundRequest> records = new ArrayDeque<>();

    private InboundMonitor(Builder b) {
        this.clock = b.clock;
        this.retention = b.retention;
        this.successPayloads = b.successPayloads;
        this.errorPayloads = b.errorPayloads;
        this.maxRecords = b.maxRecords;
    }

    /** Starts a builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether the body of a request with this outcome is kept. */
    public boolean keepsPayload(boolean success) {
        return success ? successPayloads : errorPayloads;
    }

    Clock clock() {
        return clock;
    }

    /** Adds a record (the service calls it once per request), dropping expired and surplus ones. */
    public synchronized void record(InboundRequest request) {
        records.addLast(Objects.requireNonNull(request, "request"));
        while (records.size() > maxRecords) {
            records.removeFirst();
        }
        purgeExpired();
    }

    /** The records within the retention period, oldest first. */
    public synchronized List<InboundRequest> requests() {
        purgeExpired();
        return List.copyOf(new ArrayList<>(records));
    }

    /** Drops the records older than the retention period; returns how many. */
    public synchronized int purgeExpired() {
        Instant cutoff = clock.instant().minus(retention);
        int removed = 0;
        while (!records.isEmpty() && records.peekFirst().creationTime().isBefore(cutoff)) {
            records.removeFirst();
            removed++;
        }
        return removed;
    }

    /** Builds an {@link InboundMonitor}. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private Duration retention = Duration.ofDays(7);
        private boolean successPayloads;
        private boolean errorPayloads;
        private int maxRecords = 100_000;

        private Builder() {
        }

        /** The clock that stamps records and ages them. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How long records are kept; default 7 days. */
        public Builder retention(Duration retention) {
            if (retention.isNegative() || retention.isZero()) {
                throw new IllegalArgumentException("retention must be positive, was " + retention);
            }
            this.retention = retention;
            return this;
        }

        /** Keep the bodies of successful requests; default off. */
        public Builder successPayloads(boolean keep) {
            this.successPayloads = keep;
            return this;
        }

        /** Keep the bodies of failed requests; default off. */
        public Builder errorPayloads(boolean keep) {
            this.errorPayloads = keep;
            return this;
        }

        /** The most records kept in memory (oldest dropped first); default 100,000. */
        public Builder maxRecords(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxRecords must be positive, was " + max);
            }
            this.maxRecords = max;
            return this;
        }

        /** The monitor. */
        public InboundMonitor build() {
            return new InboundMonitor(this);
        }
    }
}
