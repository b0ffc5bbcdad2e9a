package dev.ioflow.core.monitoring.memory;

import dev.ioflow.core.monitoring.MonitorCleanup;
import dev.ioflow.core.monitoring.MonitorPage;
import dev.ioflow.core.monitoring.MonitorQuery;
import dev.ioflow.core.monitoring.MonitorRecordType;
import dev.ioflow.core.monitoring.MonitorStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * A {@link MonitorStore} in memory, bounded in count: when full, the oldest record goes to make room. Records are
 * kept in the order they were added; ids count up from 1. Lost on restart. Thread-safe.
 *
 * <pre>{@code
 * MonitorStore<OutboundRequest, OutboundRequestQuery> store =
 *         new InMemoryMonitorStore<>(OutboundRequest.MONITOR_TYPE, 100_000);
 * }</pre>
 *
 * @param <R> the record type
 * @param <Q> the query type
 * @since 1.0
 */
public final class InMemoryMonitorStore<R, Q extends MonitorQuery<R>> implements MonitorStore<R, Q> {
    private final MonitorRecordType<R> type;
    private final int capacity;
    private final ArrayDeque<R> records = new ArrayDeque<>();
    private long nextId = 1;

    /**
     * A store of at most {@code capacity} records.
     *
     * @throws IllegalArgumentException when the capacity is less than 1
     */
    public InMemoryMonitorStore(MonitorRecordType<R> type, int capacity) {
        this.type = Objects.requireNonNull(type, "type");
        if (capacity < 1) {
            throw new IllegalArgumentException("monitoring capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    @Override
    public void add(R record) {
        addAll(List.of(record));
    }

    @Override
    public void addAll(List<R> batch) {
        batch.forEach(r -> Objects.requireNonNull(r, "record"));
        synchronized (records) {
            for (R record : batch) {
                if (records.size() >= capacity) {
                    records.pollFirst();
                }
                records.addLast(type.withId(record, nextId++));
            }
        }
    }

    @Override
    public MonitorPage<R> query(Q query) {
        Objects.requireNonNull(query, "query");
        List<R> page = new ArrayList<>(Math.min(query.limit(), 1024));
        long total = 0;
        synchronized (records) {
            for (Iterator<R> it = records.descendingIterator(); it.hasNext(); ) {
                R record = it.next();
                if (query.matches(record)) {
                    if (total >= query.offset() && page.size() < query.limit()) {
                        page.add(record);
                    }
                    total++;
                }
            }
        }
        return new MonitorPage<>(page, query.offset(), total);
    }

    @Override
    public int delete(MonitorCleanup cleanup) {
        Objects.requireNonNull(cleanup, "cleanup");
        int deleted = 0;
        synchronized (records) {
            // time order: the scan ends at the first record that is not old enough
            for (Iterator<R> it = records.iterator(); it.hasNext() && deleted < cleanup.max(); ) {
                R record = it.next();
                if (!type.time(record).isBefore(cleanup.cutoff())) {
                    break;
                }
                if (type.outcome(record) == cleanup.outcome()) {
                    it.remove();
                    deleted++;
                }
            }
        }
        return deleted;
    }

    @Override
    public long count() {
        synchronized (records) {
            return records.size();
        }
    }

    @Override
    public String toString() {
        return "InMemoryMonitorStore[" + count() + " of at most " + capacity + " records]";
    }
}
