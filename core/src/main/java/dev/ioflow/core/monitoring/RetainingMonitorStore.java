package dev.ioflow.core.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link MonitorStore} that forgets expired records: it wraps any store and, at most once per cleanup interval,
 * deletes the records older than their {@link MonitorRetention} before an add or a query. An automatic cleanup
 * deletes a bounded number of records per outcome, so that the thread that triggers it (a delivery worker, a request
 * thread) is not held up by a large backlog; {@link #purge()} deletes them all. Only one thread cleans at a time;
 * the others carry on without waiting. Inbound and outbound monitors both keep their records through one.
 *
 * <pre>{@code
 * RetainingMonitorStore<OutboundRequest, OutboundRequestQuery> store = new RetainingMonitorStore<>(
 *         jdbcStore, MonitorRetention.sapDefaults(), Clock.systemUTC(), Duration.ofMinutes(1));
 * }</pre>
 *
 * @param <R> the record type
 * @param <Q> the query type
 * @since 1.0
 */
public final class RetainingMonitorStore<R, Q extends MonitorQuery<R>> implements MonitorStore<R, Q> {
    /** How many records of each outcome an automatic cleanup deletes at most. */
    public static final int AUTOMATIC_CLEANUP_LIMIT = 10_000;

    private final MonitorStore<R, Q> store;
    private final MonitorRetention retention;
    private final Clock clock;
    private final Duration cleanupInterval;
    private final ReentrantLock cleaning = new ReentrantLock();
    private volatile Instant nextCleanup = Instant.MIN;

    /**
     * Wraps a store.
     *
     * @param store           the store holding the records
     * @param retention       how long records are kept
     * @param clock           what decides that a record has expired
     * @param cleanupInterval the least time between automatic cleanups; zero to clean before every add and query
     */
    public RetainingMonitorStore(MonitorStore<R, Q> store, MonitorRetention retention, Clock clock,
                                 Duration cleanupInterval) {
        this.store = Objects.requireNonNull(store, "store");
        this.retention = Objects.requireNonNull(retention, "retention");
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(cleanupInterval, "cleanupInterval");
        if (cleanupInterval.isNegative()) {
            throw new IllegalArgumentException("monitoring cleanup interval must not be negative, got "
                    + cleanupInterval);
        }
        this.cleanupInterval = cleanupInterval;
    }

    /** Adds the record, after an automatic cleanup when one is due. */
    @Override
    public void add(R record) {
        cleanupIfDue();
        store.add(record);
    }

    /** Adds the records, after an automatic cleanup when one is due. */
    @Override
    public void addAll(List<R> records) {
        cleanupIfDue();
        store.addAll(records);
    }

    /** Queries the store, after an automatic cleanup when one is due. */
    @Override
    public MonitorPage<R> query(Q query) {
        cleanupIfDue();
        return store.query(query);
    }

    @Override
    public int delete(MonitorCleanup cleanup) {
        return store.delete(cleanup);
    }

    @Override
    public long count() {
        return store.count();
    }

    /**
     * Deletes every expired record now, waiting for a cleanup in progress on another thread to finish first.
     *
     * @return how many records were deleted
     */
    public int purge() {
        cleaning.lock();
        try {
            return clean(Integer.MAX_VALUE);
        } finally {
            cleaning.unlock();
        }
    }

    /** The retention applied. */
    public MonitorRetention retention() {
        return retention;
    }

    /** The store wrapped. */
    public MonitorStore<R, Q> store() {
        return store;
    }

    private void cleanupIfDue() {
        if (clock.instant().isBefore(nextCleanup) || !cleaning.tryLock()) {
            return;
        }
        try {
            clean(AUTOMATIC_CLEANUP_LIMIT);
        } finally {
            cleaning.unlock();
        }
    }

    private int clean(int limitPerOutcome) {
        Instant now = clock.instant();
        int deleted = 0;
        for (MonitorOutcome outcome : MonitorOutcome.values()) {
            Instant cutoff = retention.cutoff(outcome, now);
            int left = limitPerOutcome;
            int batch;
            do {
                batch = store.delete(new MonitorCleanup(outcome, cutoff, left));
                deleted += batch;
                left -= batch;
            } while (batch > 0 && left > 0);
        }
        nextCleanup = now.plus(cleanupInterval);
        return deleted;
    }

    @Override
    public String toString() {
        return "RetainingMonitorStore[" + store + ", " + retention + "]";
    }
}
