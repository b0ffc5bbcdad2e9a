package dev.ioflow.webhook.jdbc;

import dev.ioflow.core.monitoring.MonitorCleanup;
import dev.ioflow.core.monitoring.MonitorOutcome;
import dev.ioflow.core.monitoring.MonitorPage;
import dev.ioflow.core.monitoring.MonitorStore;
import dev.ioflow.webhook.OutboundMonitor;
import dev.ioflow.webhook.OutboundRequest;
import dev.ioflow.webhook.OutboundRequestQuery;
import dev.ioflow.webhook.OutboxStoreException;
import dev.ioflow.webhook.internal.jdbc.GroupCommit;
import dev.ioflow.webhook.internal.jdbc.JdbcStore;
import dev.ioflow.webhook.internal.jdbc.OutboundRequestSql;
import dev.ioflow.webhook.internal.jdbc.OutboxRows;
import dev.ioflow.webhook.internal.jdbc.SchemaScript;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
 * Records written at the same time by several threads share one transaction, which on PostgreSQL does not wait for
 * its disk flush (a crash of the database may lose the last fraction of a second of monitoring, never outbox data).
 * Retention cleanup
 * ({@link #delete}) deletes the oldest expired rows in transactions of at most {@value #DELETE_BATCH} rows,
 * skipping rows another instance is deleting: it never touches, let alone locks, the outbox. Database errors surface
 * as {@link OutboxStoreException}. Thread-safe.
 *
 * @since 1.0
 */
public final class JdbcOutboundRequestStore implements MonitorStore<OutboundRequest, OutboundRequestQuery> {
    /** The most rows one cleanup transaction deletes. */
    public static final int DELETE_BATCH = 500;

    private final JdbcStore store;
    private final OutboundRequestSql sql;
    private final GroupCommit<OutboundRequest> inserts;

    private JdbcOutboundRequestStore(JdbcStore store, Clock clock) {
        this.store = store;
        this.sql = new OutboundRequestSql(store.table("outbound_request"));
        this.inserts = new GroupCommit<>(this::insert);
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
        inserts.submit(Objects.requireNonNull(record, "record"));
    }

    @Override
    public MonitorPage<OutboundRequest> query(OutboundRequestQuery query) {
        OutboundRequestSql.Criteria criteria = OutboundRequestSql.Criteria.of(Objects.requireNonNull(query, "query"));
        return store.inTransaction("query outbound requests", sql.table(), connection -> {
            List<OutboundRequest> records;
            try (PreparedStatement select = connection.prepareStatement(sql.select(criteria))) {
                int next = criteria.bind(select);
                select.setInt(next, query.limit());
                select.setInt(next + 1, query.offset());
                records = OutboundRequestSql.readAll(select);
            }
            // a short page that is not past the end is the last one: its end is the total, no count needed
            boolean lastPage = records.size() < query.limit() && (!records.isEmpty() || query.offset() == 0);
            long total;
            if (lastPage) {
                total = (long) query.offset() + records.size();
            } else {
                try (PreparedStatement count = connection.prepareStatement(sql.count(criteria))) {
                    criteria.bind(count);
                    try (ResultSet row = count.executeQuery()) {
                        row.next();
                        total = row.getLong(1);
                    }
                }
            }
            return new MonitorPage<>(records, query.offset(), total);
        });
    }

    @Override
    public int delete(MonitorCleanup cleanup) {
        Objects.requireNonNull(cleanup, "cleanup");
        int deleted = 0;
        while (deleted < cleanup.max()) {
            int limit = Math.min(DELETE_BATCH, cleanup.max() - deleted);
            int batch = deleteBatch(cleanup.outcome(), cleanup.cutoff(), limit);
            deleted += batch;
            if (batch < limit) {
                break;
            }
        }
        return deleted;
    }

    @Override
    public long count() {
        return store.inTransaction("count outbound requests", sql.table(), connection -> {
            try (PreparedStatement count = connection.prepareStatement(sql.count(OutboundRequestSql.Criteria.NONE));
                 ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    /**
     * On PostgreSQL, lets this transaction commit without waiting for its WAL flush ({@code synchronous_commit}
     * off for this transaction only): a monitoring record costs no disk flush of its own, so it does not slow the
     * delivery that writes it. A database crash may lose the last fraction of a second of records; it never
     * corrupts them, and the outbox's own transactions keep their durability.
     */
    private void withoutFlushWait(Connection connection) throws SQLException {
        if (store.dialect() == JdbcDialect.POSTGRESQL) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL synchronous_commit TO OFF");
            }
        }
    }

    @Override
    public String toString() {
        return "JdbcOutboundRequestStore[" + sql.table() + " on " + store.dialect() + "]";
    }

    /** Deletes up to {@code limit} of the oldest expired records in one short transaction. */
    private int deleteBatch(MonitorOutcome outcome, Instant cutoff, int limit) {
        return store.inTransaction("delete expired outbound requests", sql.table(), connection -> {
            withoutFlushWait(connection);
            List<Long> ids = new ArrayList<>(limit);
            try (PreparedStatement select = connection.prepareStatement(sql.selectExpired(outcome))) {
                OutboxRows.setInstant(select, 1, cutoff);
                select.setInt(2, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
            }
            if (ids.isEmpty()) {
                return 0;
            }
            try (PreparedStatement delete = connection.prepareStatement(sql.deleteIds(ids.size()))) {
                for (int i = 0; i < ids.size(); i++) {
                    delete.setLong(i + 1, ids.get(i));
                }
                return delete.executeUpdate();
            }
        });
    }

    private void insert(List<OutboundRequest> records) {
        store.inTransaction("record outbound requests", sql.table(), connection -> {
            withoutFlushWait(connection);
            try (PreparedStatement insert = connection.prepareStatement(sql.insert())) {
                for (OutboundRequest record : records) {
                    OutboundRequestSql.bindInsert(insert, record);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }
}
