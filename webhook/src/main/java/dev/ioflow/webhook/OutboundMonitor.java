package dev.ioflow.webhook;

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
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Keeps an {@link OutboundRequest} per delivery attempt (SAP's outbound monitoring), for the retention period: SAP's
 * 7 days by default, for successes and failures alike. By default the records are held in memory, at most 100,000 of
 * them; give the monitor a {@link #builder() store} such as {@code JdbcOutboundRequestStore} to keep them in the
 * outbox's database, across restarts and for every application instance. Expired records are deleted at most once a
 * minute (by default) before a record is added or the monitor is queried, and on {@link #purge()}. Payloads are
 * kept only where enabled, per outcome, as SAP's {@code outboundservices.monitoring.success|error.payload.retention}.
 * Thread-safe.
 *
 * <pre>{@code
 * OutboundMonitor monitor = OutboundMonitor.builder()
 *         .store(JdbcOutboundRequestStore.builder().dataSource(dataSource).createSchema(true).build())
 *         .retention(MonitorRetention.sapDefaults().failures(Duration.ofDays(30)))
 *         .errorPayloads(true)
 *         .build();
 * WebhookService webhooks = WebhookService.builder().monitor(monitor)...build();
 * MonitorPage<OutboundRequest> errors = monitor.page(OutboundRequestQuery.builder()
 *         .status(OutboundRequestStatus.ERROR).limit(50).build());
 * }</pre>
 *
 * @since 0.1
 */
public final class OutboundMonitor {
    private final RetainingMonitorStore<OutboundRequest, OutboundRequestQuery> store;
    private final boolean successPayloads;
    private final boolean errorPayloads;

    private OutboundMonitor(Builder builder, MonitorStore<OutboundRequest, OutboundRequestQuery> backing) {
        this.store = new RetainingMonitorStore<>(backing, builder.retention, builder.clock, builder.cleanupInterval);
        this.successPayloads = builder.successPayloads;
        this.errorPayloads = builder.errorPayloads;
    }

    /** A monitor with the defaults: in memory, 7 days, 100,000 records, no payloads, system clock. */
    public static OutboundMonitor defaults() {
        return builder().build();
    }

    /** Starts a monitor configuration. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A store of outbound requests in memory, bounded in count (the oldest goes when it is full); ids count up
     * from 1. The store a monitor uses unless given another.
     *
     * @since 1.0
     */
    public static MonitorStore<OutboundRequest, OutboundRequestQuery> inMemoryStore(int capacity) {
        return new InMemoryMonitorStore<>(MonitorRecordType.of(OutboundRequest::attemptedAt,
                r -> r.status().outcome(), (r, id) -> r.withIdAndPayload(id, r.payload())), capacity);
    }

    /**
     * Records an attempt's outcome (called by the delivery workers); the store assigns its id. Its payload is dropped
     * unless payloads are kept for its outcome.
     */
    public void record(OutboundRequest request) {
        store.add(kept(Objects.requireNonNull(request, "request")));
    }

    /**
     * Records the outcomes of several attempts, as {@link #record(OutboundRequest)} does, together: a JDBC store
     * writes them in one transaction (the delivery workers record each pass's attempts so).
     *
     * @since 1.0
     */
    public void recordAll(List<OutboundRequest> requests) {
        List<OutboundRequest> kept = new ArrayList<>(requests.size());
        for (OutboundRequest request : requests) {
            kept.add(kept(Objects.requireNonNull(request, "request")));
        }
        store.addAll(kept);
    }

    /** The request as stored: without its payload unless payloads are kept for its outcome. */
    private OutboundRequest kept(OutboundRequest request) {
        boolean keep = request.status().outcome() == MonitorOutcome.SUCCESS ? successPayloads : errorPayloads;
        return keep || request.payload() == null ? request : request.withIdAndPayload(request.id(), null);
    }

    /** The matching records, newest first: the page the query's offset and limit select. */
    public List<OutboundRequest> query(OutboundRequestQuery query) {
        return page(query).records();
    }

    /**
     * The page of matching records the query's offset and limit select, newest first, with the number of matches.
     *
     * @since 1.0
     */
    public MonitorPage<OutboundRequest> page(OutboundRequestQuery query) {
        return store.query(Objects.requireNonNull(query, "query"));
    }

    /**
     * Removes every record older than the retention period for its outcome.
     *
     * @return how many were removed
     */
    public int purge() {
        return store.purge();
    }

    /** The number of records held (at most {@link Integer#MAX_VALUE}). */
    public int size() {
        return (int) Math.min(Integer.MAX_VALUE, store.count());
    }

    /**
     * Whether payloads are kept with the records of some outcome (the delivery workers hand payloads over only
     * then).
     */
    public boolean keepsPayloads() {
        return successPayloads || errorPayloads;
    }

    /**
     * How long records are kept.
     *
     * @since 1.0
     */
    public MonitorRetention retention() {
        return store.retention();
    }

    @Override
    public String toString() {
        return "OutboundMonitor[" + store.store() + ", " + store.retention() + "]";
    }

    /** Builds an {@link OutboundMonitor}. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private MonitorRetention retention = MonitorRetention.sapDefaults();
        private int capacity = 100_000;
        private boolean capacitySet;
        private @Nullable MonitorStore<OutboundRequest, OutboundRequestQuery> store;
        private Duration cleanupInterval = Duration.ofMinutes(1);
        private boolean successPayloads;
        private boolean errorPayloads;

        private Builder() {
        }

        /** The clock that decides what is expired (default the system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How long records of either outcome are kept (default 7 days). */
        public Builder retention(Duration retention) {
            this.retention = MonitorRetention.of(retention);
            return this;
        }

        /**
         * How long records are kept, per outcome (default {@link MonitorRetention#sapDefaults()}: 7 days each).
         *
         * @since 1.0
         */
        public Builder retention(MonitorRetention retention) {
            this.retention = Objects.requireNonNull(retention, "retention");
            return this;
        }

        /**
         * The most records the in-memory store keeps; the oldest go first (default 100,000). Not for a
         * {@link #store(MonitorStore) given store}, which retention alone bounds.
         */
        public Builder capacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("monitoring capacity must be at least 1, got " + capacity);
            }
            this.capacity = capacity;
            this.capacitySet = true;
            return this;
        }

        /**
         * Where the records are kept (default a bounded in-memory store); for example a
         * {@code JdbcOutboundRequestStore}, so that monitoring survives restarts.
         *
         * @since 1.0
         */
        public Builder store(MonitorStore<OutboundRequest, OutboundRequestQuery> store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * The least time between two automatic cleanups of expired records (default 1 minute); zero cleans before
         * every record and query.
         *
         * @since 1.0
         */
        public Builder cleanupInterval(Duration interval) {
            Objects.requireNonNull(interval, "cleanupInterval");
            if (interval.isNegative()) {
                throw new IllegalArgumentException("monitoring cleanup interval must not be negative, got "
                        + interval);
            }
            this.cleanupInterval = interval;
            return this;
        }

        /**
         * Whether to keep each attempt's payload, whatever its outcome (default false, as in SAP: payloads may hold
         * personal data).
         */
        public Builder keepPayloads(boolean keep) {
            this.successPayloads = keep;
            this.errorPayloads = keep;
            return this;
        }

        /**
         * Whether to keep the payload of successful attempts (default false; SAP's
         * {@code outboundservices.monitoring.success.payload.retention}).
         *
         * @since 1.0
         */
        public Builder successPayloads(boolean keep) {
            this.successPayloads = keep;
            return this;
        }

        /**
         * Whether to keep the payload of failed attempts, retries and dead letters (default false; SAP's
         * {@code outboundservices.monitoring.error.payload.retention}).
         *
         * @since 1.0
         */
        public Builder errorPayloads(boolean keep) {
            this.errorPayloads = keep;
            return this;
        }

        /**
         * Returns the monitor.
         *
         * @throws IllegalStateException when both a store and a capacity were set
         */
        public OutboundMonitor build() {
            if (store != null && capacitySet) {
                throw new IllegalStateException("monitoring capacity bounds the in-memory store only; a given store ("
                        + store + ") is bounded by retention: drop capacity(" + capacity + ")");
            }
            return new OutboundMonitor(this, store != null ? store : inMemoryStore(capacity));
        }
    }
}
