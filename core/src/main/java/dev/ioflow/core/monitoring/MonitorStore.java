package dev.ioflow.core.monitoring;

import java.util.List;

/**
 * Where monitoring records live (SPI): one record per inbound request or outbound delivery attempt, added as they
 * happen, queried newest first with filters and paging, and deleted by age. Retention itself is not the store's
 * business: {@link RetainingMonitorStore} decides what has expired and calls {@link #delete}.
 *
 * <p>Implementations are thread-safe. ioflow ships an in-memory store
 * ({@code dev.ioflow.core.monitoring.memory.InMemoryMonitorStore}) and a JDBC store of outbound requests
 * ({@code dev.ioflow.webhook.jdbc.JdbcOutboundRequestStore}); {@code dev.ioflow.testing.monitoring} holds the
 * contract tests a store passes.
 *
 * <pre>{@code
 * MonitorStore<OutboundRequest, OutboundRequestQuery> store = JdbcOutboundRequestStore.builder()
 *         .dataSource(dataSource).createSchema(true).build();
 * MonitorPage<OutboundRequest> failures = store.query(OutboundRequestQuery.builder()
 *         .status(OutboundRequestStatus.ERROR).offset(0).limit(50).build());
 * }</pre>
 *
 * @param <R> the record type
 * @param <Q> the query type
 * @since 1.0
 */
public interface MonitorStore<R, Q extends MonitorQuery<R>> {

    /**
     * Stores a record as given (the caller has already dropped what must not be kept, such as a payload); the store
     * assigns its id where the record type has one. Records are expected in roughly increasing time order.
     */
    void add(R record);

    /**
     * Stores records as {@link #add} does, in order. A database store writes them in one transaction, so that a
     * delivery worker's pass costs one monitoring transaction, not one per attempt; the default adds them one by
     * one.
     *
     * @since 1.0
     */
    default void addAll(List<R> records) {
        records.forEach(this::add);
    }

    /**
     * The records matching the query, newest first (in reverse order of addition, which is time order up to
     * concurrent adds), skipping
     * {@link MonitorQuery#offset()} and returning at most {@link MonitorQuery#limit()}, with the total number of
     * matches.
     */
    MonitorPage<R> query(Q query);

    /**
     * Deletes up to {@link MonitorCleanup#max()} records of the cleanup's outcome whose time is before its cutoff,
     * oldest first. A database store deletes in small transactions, so that a large cleanup never holds many locks
     * for long.
     *
     * @return how many were deleted
     */
    int delete(MonitorCleanup cleanup);

    /** The number of records held. */
    long count();
}
