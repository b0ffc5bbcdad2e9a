package dev.ioflow.webhook.jdbc;

import dev.ioflow.core.monitoring.MonitorCleanup;
import dev.ioflow.core.monitoring.MonitorPage;
import dev.ioflow.core.monitoring.MonitorStore;
import dev.ioflow.webhook.OutboundMonitor;
import dev.ioflow.webhook.OutboundRequest;
import dev.ioflow.webhook.OutboundRequestQuery;
import dev.ioflow.webhook.OutboxStoreException;
import dev.ioflow.webhook.internal.jdbc.JdbcMonitorStore;
import dev.ioflow.webhook.internal.jdbc.JdbcStore;
import dev.ioflow.webhook.internal.jdbc.OutboundRequestSql;
import dev.ioflow.webhook.internal.jdbc.SchemaScript;
import java.time.Clock;
import java.util.List;

/**
 * The {@link OutboundMonitor}'s records in a database table ({@code ioflow_outbound_request}), next to the outbox:
 * monitoring survives restarts and shows the attempts of every application instance. H2 and PostgreSQL.
 *
 * <pre>{@code
 * OutboundMonitor monitor = OutboundMonitor.builder()
 *         .store(JdbcOutboundRequestStore.builder().dataSource(dataSource).createSchema(true).build())
 *         .build();
 * }</pre>
 *
 * <p>The table is its own, defined in {@code dev/ioflow/webhook/jdbc/monitoring-postgresql.sql} and
 * {@code monitoring-h2.sql} (apply them yourself, or let {@link JdbcStoreBuilder#createSchema(boolean)} do it), with
 * an index per query criterion (status, integration object, destination, integration key, message id, time).
 * Records written at the same time by several threads share one transaction, as do the records of one
 * {@link #addAll} call (a delivery worker's pass), which on PostgreSQL does not wait for its disk flush (a crash of
 * the database may lose the last fraction of a second of monitoring, never outbox data).
 * Retention cleanup
 * ({@link #delete}) deletes the oldest expired rows in transactions of at most {@value #DELETE_BATCH} rows,
 * skipping rows another instance is deleting: it never touches, let alone locks, the outbox. Database errors surface
 * as {@link OutboxStoreException}. Thread-safe.
 *
 * @since 1.0
 */
public final class JdbcOutboundRequestStore implements MonitorStore<OutboundRequest, OutboundRequestQuery> {
    /** The most rows one cleanup transaction deletes. */
    public static final int DELETE_BATCH = JdbcMonitorStore.DELETE_BATCH;

    private final JdbcMonitorStore<OutboundRequest, OutboundRequestQuery> rows;

    private JdbcOutboundRequestStore(JdbcStore store, Clock clock) {
        this.rows = new JdbcMonitorStore<>(store, new OutboundRequestSql(store.table("outbound_request")),
                "outbound requests");
    }

    /**
     * A builder with the defaults: prefix {@code ioflow_}, dialect detected, no schema creation. Its
     * {@link JdbcStoreBuilder#createSchema(boolean) createSchema(true)} creates the monitoring table only; its
     * clock is not used (records carry their own times).
     */
    public static JdbcStoreBuilder<JdbcOutboundRequestStore> builder() {
        return new JdbcStoreBuilder<>(JdbcOutboundRequestStore::new, SchemaScript::loadMonitoring);
    }

    /** Inserts the record, in one transaction with those other threads add meanwhile; the database assigns its id. */
    @Override
    public void add(OutboundRequest record) {
        rows.add(record);
    }

    /**
     * Inserts the records in one transaction (shared with those other threads add meanwhile); the database assigns
     * their ids.
     *
     * @since 1.0
     */
    @Override
    public void addAll(List<OutboundRequest> records) {
        rows.addAll(records);
    }

    @Override
    public MonitorPage<OutboundRequest> query(OutboundRequestQuery query) {
        return rows.query(query);
    }

    @Override
    public int delete(MonitorCleanup cleanup) {
        return rows.delete(cleanup);
    }

    @Override
    public long count() {
        return rows.count();
    }

    @Override
    public String toString() {
        return "JdbcOutboundRequestStore[" + rows + "]";
    }
}
