package dev.ioflow.webhook.internal.jdbc;

import dev.ioflow.core.monitoring.MonitorCleanup;
import dev.ioflow.core.monitoring.MonitorPage;
import dev.ioflow.core.monitoring.MonitorQuery;
import dev.ioflow.core.monitoring.MonitorStore;
import dev.ioflow.webhook.jdbc.JdbcDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A {@link MonitorStore} over one table that a {@link MonitorTable} describes: the outbound and the inbound request
 * stores are both one. Records added at the same time by several threads, and the records of one
 * {@link #addAll} call, share one transaction, which on PostgreSQL does not wait for its disk flush. Cleanup deletes
 * the oldest expired rows in transactions of at most {@value #DELETE_BATCH} rows, skipping rows another instance is
 * deleting. Thread-safe.
 *
 * @param <R> the record type
 * @param <Q> the query type
 */
public final class JdbcMonitorStore<R, Q extends MonitorQuery<R>> implements MonitorStore<R, Q> {
    /** The most rows one cleanup transaction deletes. */
    public static final int DELETE_BATCH = 500;

    private final JdbcStore store;
    private final MonitorTable<R, Q> table;
    private final String records;
    private final GroupCommit<List<R>> inserts;

    /**
     * A store of the table's records, named {@code records} in errors (such as "outbound requests").
     */
    public JdbcMonitorStore(JdbcStore store, MonitorTable<R, Q> table, String records) {
        this.store = store;
        this.table = table;
        this.records = records;
        this.inserts = new GroupCommit<>(this::insert);
    }

    /** The database's dialect. */
    public JdbcDialect dialect() {
        return store.dialect();
    }

    @Override
    public void add(R record) {
        inserts.submit(List.of(Objects.requireNonNull(record, "record")));
    }

    /** Inserts the records in one transaction, shared with those other threads add meanwhile. */
    @Override
    public void addAll(List<R> batch) {
        List<R> copy = List.copyOf(batch);
        if (!copy.isEmpty()) {
            inserts.submit(copy);
        }
    }

    @Override
    public MonitorPage<R> query(Q query) {
        SqlCriteria criteria = table.criteria(Objects.requireNonNull(query, "query"));
        return store.inTransaction("query " + records, table.table(), connection -> {
            List<R> page = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id, " + table.columns() + " FROM "
                    + table.table() + criteria.where() + " ORDER BY " + table.timeColumn() + " DESC, id DESC"
                    + " LIMIT ? OFFSET ?")) {
                int next = criteria.bind(select);
                select.setInt(next, query.limit());
                select.setInt(next + 1, query.offset());
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        page.add(table.read(row));
                    }
                }
            }
            // a short page that is not past the end is the last one: its end is the total, no count needed
            boolean lastPage = page.size() < query.limit() && (!page.isEmpty() || query.offset() == 0);
            long total = lastPage ? (long) query.offset() + page.size() : count(connection, criteria);
            return new MonitorPage<>(page, query.offset(), total);
        });
    }

    @Override
    public int delete(MonitorCleanup cleanup) {
        Objects.requireNonNull(cleanup, "cleanup");
        int deleted = 0;
        while (deleted < cleanup.max()) {
            int limit = Math.min(DELETE_BATCH, cleanup.max() - deleted);
            int batch = deleteBatch(cleanup, limit);
            deleted += batch;
            if (batch < limit) {
                break;
            }
        }
        return deleted;
    }

    @Override
    public long count() {
        return store.inTransaction("count " + records, table.table(),
                connection -> count(connection, SqlCriteria.NONE));
    }

    @Override
    public String toString() {
        return table.table() + " on " + store.dialect();
    }

    private long count(Connection connection, SqlCriteria criteria) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM " + table.table()
                + criteria.where())) {
            criteria.bind(count);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /**
     * Deletes up to {@code limit} of the oldest expired records in one short transaction: locks their ids, skipping
     * rows another cleaner holds, then deletes them.
     */
    private int deleteBatch(MonitorCleanup cleanup, int limit) {
        return store.inTransaction("delete expired " + records, table.table(), connection -> {
            withoutFlushWait(connection);
            List<Long> ids = new ArrayList<>(limit);
            try (PreparedStatement select = connection.prepareStatement("SELECT id FROM " + table.table()
                    + " WHERE status IN (" + table.statuses(cleanup.outcome()) + ") AND " + table.timeColumn()
                    + " < ? ORDER BY " + table.timeColumn() + ", id LIMIT ? FOR UPDATE SKIP LOCKED")) {
                OutboxRows.setInstant(select, 1, cleanup.cutoff());
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
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table.table()
                    + " WHERE id IN (" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")")) {
                for (int i = 0; i < ids.size(); i++) {
                    delete.setLong(i + 1, ids.get(i));
                }
                return delete.executeUpdate();
            }
        });
    }

    private void insert(List<List<R>> batches) {
        int columns = table.columns().split(",").length;
        String insert = "INSERT INTO " + table.table() + " (" + table.columns() + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns, "?")) + ")";
        store.inTransaction("record " + records, table.table(), connection -> {
            withoutFlushWait(connection);
            try (PreparedStatement statement = connection.prepareStatement(insert)) {
                for (List<R> batch : batches) {
                    for (R record : batch) {
                        table.bind(statement, record);
                        statement.addBatch();
                    }
                }
                statement.executeBatch();
            }
            return null;
        });
    }

    /**
     * On PostgreSQL, lets this transaction commit without waiting for its WAL flush ({@code synchronous_commit}
     * off for this transaction only): a monitoring record costs no disk flush of its own, so it does not slow the
     * delivery or request that writes it. A database crash may lose the last fraction of a second of records; it
     * never corrupts them, and other transactions keep their durability.
     */
    private void withoutFlushWait(Connection connection) throws SQLException {
        if (store.dialect() == JdbcDialect.POSTGRESQL) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL synchronous_commit TO OFF");
            }
        }
    }
}
