package dev.ioflow.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Keeps an {@link OutboundRequest} per delivery attempt, in memory, bounded in count and age (SAP keeps them for
 * 7 days, so does ioflow by default). Thread-safe. Records older than the retention period are purged whenever a
 * record is added or the monitor is queried, and on {@link #purge()}.
 *
 * <pre>{@code
 * OutboundMonitor monitor = OutboundMonitor.builder().retention(Duration.ofDays(3)).keepPayloads(true).build();
 * WebhookService webhooks = WebhookService.builder().monitor(monitor)...build();
 * monitor.query(OutboundRequestQuery.builder().status(OutboundRequestStatus.ERROR).build());
 * }</pre>
 *
 * @since 0.1
 */
public final class OutboundMonitor {
    private final Clock clock;
    private final Duration retention;
    private final int capacity;
    private final boolean keepPayloads;
    private final ArrayDeque<OutboundRequest> records = new ArrayDeque<>();
    private long nextId = 1;

    private OutboundMonitor(Builder builder) {
        this.clock = builder.clock;
        this.retention = builder.retention;
        this.capacity = builder.capacity;
        this.keepPayloads = builder.keepPayloads;
    }

    /** A monitor with the defaults: 7 days, 100,000 records, no payloads, system clock. */
    public static OutboundMonitor defaults() {
        return builder().build();
    }

    /** Starts a monitor configuration. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Records an attempt's outcome (called by the delivery workers); assigns its id and drops its payload unless
     * payloads are kept. The oldest record goes when the monitor is full.
     */
    public void record(OutboundRequest request) {
        synchronized (records) {
            purgeExpired();
            if (records.size() >= capacity) {
                records.pollFirst();
            }
            records.addLast(request.withIdAndPayload(nextId++, keepPayloads ? request.payload() : null));
        }
    }

    /** The matching records, newest first. */
    public List<OutboundRequest> query(OutboundRequestQuery query) {
        Objects.requireNonNull(query, "query");
        synchronized (records) {
            purgeExpired();
            List<OutboundRequest> result = new ArrayList<>(Math.min(query.limit(), records.size()));
            for (Iterator<OutboundRequest> it = records.descendingIterator(); it.hasNext() && result.size() < query.limit(); ) {
                OutboundRequest r = it.next();
                if (query.matches(r)) {
                    result.add(r);
                }
            }
            return result;
        }
    }

    /**
     * Removes the records older than the retention period.
     *
     * @return how many were removed
     */
    public int purge() {
        synchronized (records) {
            return purgeExpired();
        }
    }

    /** The number of records held. */
    public int size() {
        synchronized (records) {
            return records.size();
        }
    }

    /** Whether payloads are kept with the records. */
    public boolean keepsPayloads() {
        return keepPayloads;
    }

    private int purgeExpired() {
        Instant cutoff = clock.instant().minus(retention);
        int removed = 0;
        // records arrive in time order, so the expired ones are at the head
        while (!records.isEmpty() && records.peekFirst().attemptedAt().isBefore(cutoff)) {
            records.pollFirst();
            removed++;
        }
        return removed;
    }

    @Override
    public String toString() {
        return "OutboundMonitor[" + size() + " records, retention " + retention + "]";
    }

    /** Builds an {@link OutboundMonitor}. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private Duration retention = Duration.ofDays(7);
        private int capacity = 100_000;
        private boolean keepPayloads;

        private Builder() {
        }

        /** The clock that decides what is expired (default the system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How long records are kept (default 7 days). */
        public Builder retention(Duration retention) {
            if (retention.isNegative() || retention.isZero()) {
                throw new IllegalArgumentException("monitoring retention must be positive, got " + retention);
            }
            this.retention = retention;
            return this;
        }

        /** The most records kept; the oldest go first (default 100,000). */
        public Builder capacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("monitoring capacity must be at least 1, got " + capacity);
            }
            this.capacity = capacity;
            return this;
        }

        /** Whether to keep each attempt's payload (default false, as in SAP: payloads may hold personal data). */
        public Builder keepPayloads(boolean keep) {
            this.keepPayloads = keep;
            return this;
        }

        /** Returns the monitor. */
        public OutboundMonitor build() {
            return new OutboundMonitor(this);
        }
    }
}
