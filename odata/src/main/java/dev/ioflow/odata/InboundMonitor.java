package dev.ioflow.odata;

import dev.ioflow.core.monitoring.MonitorOutcome;
import dev.ioflow.core.monitoring.MonitorQuery;
import dev.ioflow.core.monitoring.MonitorRecordType;
import dev.ioflow.core.monitoring.MonitorRetention;
import dev.ioflow.core.monitoring.RetainingMonitorStore;
import dev.ioflow.core.monitoring.memory.InMemoryMonitorStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Inbound monitoring (SAP's {@code InboundIntegrationMonitoring}): an {@link InboundRequest} per request, kept in
 * memory for the retention period (default 7 days, SAP's default), with the request body kept only where the payload
 * toggles ask (both off by default, like {@code inboundservices.monitoring.success/error.payload.retention}). Records
 * are kept in the shared monitoring store of {@code dev.ioflow.core.monitoring}, which deletes expired ones at most
 * once a minute, before a record is added or read, and on {@link #purgeExpired()}.
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
    private static final MonitorRecordType<InboundRequest> RECORD_TYPE = MonitorRecordType.of(
            InboundRequest::creationTime,
            r -> r.status() == InboundRequestStatus.SUCCESS ? MonitorOutcome.SUCCESS : MonitorOutcome.FAILURE,
            (r, id) -> r);
    private static final MonitorQuery<InboundRequest> ALL = new MonitorQuery<>() {
        @Override
        public boolean matches(InboundRequest record) {
            return true;
        }

        @Override
        public int offset() {
            return 0;
        }

        @Override
        public int limit() {
            return Integer.MAX_VALUE;
        }
    };

    private final Clock clock;
    private final boolean successPayloads;
    private final boolean errorPayloads;
    private final RetainingMonitorStore<InboundRequest, MonitorQuery<InboundRequest>> records;

    private InboundMonitor(Builder b) {
        this.clock = b.clock;
        this.successPayloads = b.successPayloads;
        this.errorPayloads = b.errorPayloads;
        this.records = new RetainingMonitorStore<>(new InMemoryMonitorStore<>(RECORD_TYPE, b.maxRecords),
                b.retention, b.clock, Duration.ofMinutes(1));
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

    /** Adds a record (the service calls it once per request); the oldest goes when the monitor is full. */
    public void record(InboundRequest request) {
        records.add(Objects.requireNonNull(request, "request"));
    }

    /** The records within the retention period, oldest first. */
    public List<InboundRequest> requests() {
        List<InboundRequest> newestFirst = new ArrayList<>(records.query(ALL).records());
        Collections.reverse(newestFirst);
        return List.copyOf(newestFirst);
    }

    /** Drops the records older than the retention period; returns how many. */
    public int purgeExpired() {
        return records.purge();
    }

    /** Builds an {@link InboundMonitor}. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private MonitorRetention retention = MonitorRetention.sapDefaults();
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
            this.retention = MonitorRetention.of(retention);
            return this;
        }

        /**
         * How long records are kept, per outcome; default {@link MonitorRetention#sapDefaults()} (7 days each).
         *
         * @since 1.0
         */
        public Builder retention(MonitorRetention retention) {
            this.retention = Objects.requireNonNull(retention, "retention");
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
