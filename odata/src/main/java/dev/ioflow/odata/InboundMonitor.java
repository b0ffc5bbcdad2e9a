package dev.ioflow.odata;

import dev.ioflow.core.monitoring.MonitorOutcome;
import dev.ioflow.core.monitoring.MonitorPage;
import dev.ioflow.core.monitoring.MonitorRecordType;
import dev.ioflow.core.monitoring.MonitorRetention;
import dev.ioflow.core.monitoring.MonitorStore;
import dev.ioflow.core.monitoring.RetainingMonitorStore;
import dev.ioflow.core.monitoring.memory.InMemoryMonitorStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Inbound monitoring (SAP's {@code InboundIntegrationMonitoring}): an {@link InboundRequest} per request, kept for the
 * retention period (default 7 days, SAP's default), with the request body kept only where the payload toggles ask
 * (both off by default, like {@code inboundservices.monitoring.success/error.payload.retention}): the same retention
 * and payload settings as the outbound monitor's. Records are kept in a store of {@code dev.ioflow.core.monitoring}:
 * in memory (at most 100,000 records) by default, or in a database with
 * {@code dev.ioflow.odata.jdbc.JdbcInboundRequestStore}, so that they survive restarts and show the requests of
 * every application instance. Expired records are deleted at most once a minute, before a record is added or read,
 * and on {@link #purgeExpired()}.
 *
 * <pre>{@code
 * InboundMonitor monitor = InboundMonitor.builder()
 *         .store(JdbcInboundRequestStore.builder().dataSource(dataSource).createSchema(true).build())
 *         .errorPayloads(true)
 *         .build();
 * InboundService service = InboundService.builder().monitor(monitor)...build();
 * MonitorPage<InboundRequest> errors = monitor.page(InboundRequestQuery.builder()
 *         .status(InboundRequestStatus.ERROR).limit(50).build());
 * }</pre>
 *
 * @since 1.0
 */
public final class InboundMonitor {
    private static final MonitorRecordType<InboundRequest> RECORD_TYPE = MonitorRecordType.of(
            InboundRequest::creationTime, r -> r.status().outcome(), (r, id) -> r);
    private static final InboundRequestQuery ALL = InboundRequestQuery.builder().limit(Integer.MAX_VALUE).build();

    private final Clock clock;
    private final boolean successPayloads;
    private final boolean errorPayloads;
    private final RetainingMonitorStore<InboundRequest, InboundRequestQuery> records;

    private InboundMonitor(Builder b, MonitorStore<InboundRequest, InboundRequestQuery> store) {
        this.clock = b.clock;
        this.successPayloads = b.successPayloads;
        this.errorPayloads = b.errorPayloads;
        this.records = new RetainingMonitorStore<>(store, b.retention, b.clock, Duration.ofMinutes(1));
    }

    /** Starts a builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A store of inbound requests in memory, bounded in count (the oldest goes when it is full). The store a monitor
     * uses unless given another.
     */
    public static MonitorStore<InboundRequest, InboundRequestQuery> inMemoryStore(int capacity) {
        return new InMemoryMonitorStore<>(RECORD_TYPE, capacity);
    }

    /** Whether the body of a request with this outcome is kept. */
    public boolean keepsPayload(boolean success) {
        return success ? successPayloads : errorPayloads;
    }

    Clock clock() {
        return clock;
    }

    /** Adds a record (the service calls it once per request); the oldest goes when the in-memory store is full. */
    public void record(InboundRequest request) {
        records.add(Objects.requireNonNull(request, "request"));
    }

    /**
     * The page of matching records the query's offset and limit select, newest first, with the number of matches.
     */
    public MonitorPage<InboundRequest> page(InboundRequestQuery query) {
        return records.query(Objects.requireNonNull(query, "query"));
    }

    /** The matching records, newest first: the page the query's offset and limit select. */
    public List<InboundRequest> query(InboundRequestQuery query) {
        return page(query).records();
    }

    /** Every record within the retention period, oldest first (for a large store, {@link #page} reads less). */
    public List<InboundRequest> requests() {
        List<InboundRequest> newestFirst = new ArrayList<>(records.query(ALL).records());
        Collections.reverse(newestFirst);
        return List.copyOf(newestFirst);
    }

    /** Drops the records older than the retention period; returns how many. */
    public int purgeExpired() {
        return records.purge();
    }

    /** How long records are kept. */
    public MonitorRetention retention() {
        return records.retention();
    }

    @Override
    public String toString() {
        return "InboundMonitor[" + records.store() + ", " + records.retention() + "]";
    }

    /** Builds an {@link InboundMonitor}. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private MonitorRetention retention = MonitorRetention.sapDefaults();
        private boolean successPayloads;
        private boolean errorPayloads;
        private int maxRecords = 100_000;
        private boolean maxRecordsSet;
        private @Nullable MonitorStore<InboundRequest, InboundRequestQuery> store;

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

        /**
         * The most records kept in memory (oldest dropped first); default 100,000. Not for a
         * {@link #store(MonitorStore) given store}, which retention alone bounds.
         */
        public Builder maxRecords(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxRecords must be positive, was " + max);
            }
            this.maxRecords = max;
            this.maxRecordsSet = true;
            return this;
        }

        /**
         * Where the records are kept (default a bounded in-memory store); for example a
         * {@code JdbcInboundRequestStore}, so that monitoring survives restarts.
         */
        public Builder store(MonitorStore<InboundRequest, InboundRequestQuery> store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * The monitor.
         *
         * @throws IllegalStateException when both a store and a maximum of records were set
         */
        public InboundMonitor build() {
            if (store != null && maxRecordsSet) {
                throw new IllegalStateException("maxRecords bounds the in-memory store only; a given store ("
                        + store + ") is bounded by retention: drop maxRecords(" + maxRecords + ")");
            }
            return new InboundMonitor(this, store != null ? store : inMemoryStore(maxRecords));
        }
    }
}
