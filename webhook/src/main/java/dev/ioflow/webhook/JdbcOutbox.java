package dev.ioflow.webhook;

import dev.ioflow.webhook.internal.jdbc.JdbcStore;
import dev.ioflow.webhook.internal.jdbc.OutboxRows;
import dev.ioflow.webhook.internal.jdbc.OutboxSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A durable {@link Outbox} in a database table, over the application's own {@link DataSource} (bring your pool).
 * Changes are committed before {@link #append} returns, and several application instances can share one table:
 * on PostgreSQL claims use {@code SELECT … FOR UPDATE SKIP LOCKED}, so two instances never claim the same entry,
 * and an entry whose claimer died becomes claimable again when its lease ends, with the same message id.
 *
 * <pre>{@code
 * Outbox outbox = JdbcOutbox.builder()
 *         .dataSource(hikariDataSource)     // H2 or PostgreSQL, detected from the connection
 *         .createSchema(true)               // or apply schema-postgresql.sql yourself
 *         .build();
 * }</pre>
 *
 * <p>The tables are defined in {@code dev/ioflow/webhook/schema-postgresql.sql} and {@code schema-h2.sql}
 * inside this jar; a {@linkplain Builder#tablePrefix table prefix} other than {@code ioflow_} renames them.
 * Database errors surface as {@link OutboxStoreException}. Thread-safe.
 *
 * @since 0.1
 */
public final class JdbcOutbox implements Outbox {

    private final JdbcStore store;
    private final OutboxSql sql;
    private final Clock clock;

    private JdbcOutbox(Builder builder) {
        this.store = JdbcStore.open(builder.dataSource, builder.dialect, builder.tablePrefix, builder.createSchema);
        this.sql = new OutboxSql(store.table("outbox"), store.dialect());
        this.clock = builder.clock;
    }

    /** A builder with the defaults: prefix {@code ioflow_}, dialect detected, no schema creation, system clock. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder with this outbox's settings, for a variant over the same data source. */
    public Builder newBuilder() {
        return new Builder().dataSource(store.dataSource()).dialect(store.dialect())
                .tablePrefix(store.tablePrefix()).clock(clock);
    }

    /** The database dialect in use (detected unless set on the builder). */
    public JdbcDialect dialect() {
        return store.dialect();
    }

    @Override
    public void append(List<OutboxEntry> entries) {
        Objects.requireNonNull(entries, "entries");
        if (entries.isEmpty()) {
            return;
        }
        Map<String, OutboxEntry> newestPerKey = new LinkedHashMap<>();
        for (OutboxEntry entry : entries) {
            newestPerKey.remove(entry.orderingKey());
            newestPerKey.put(entry.orderingKey(), entry);
        }
        store.inTransaction("append", sql.table(), connection -> {
            try (PreparedStatement delete = connection.prepareStatement(sql.deletePending());
                 PreparedStatement insert = connection.prepareStatement(sql.insert())) {
                for (OutboxEntry entry : newestPerKey.values()) {
                    OutboxRows.bindOrderingKey(delete, entry);
                    delete.addBatch();
                    OutboxRows.bindInsert(insert, entry);
                    insert.addBatch();
                }
                delete.executeBatch();
                insert.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<OutboxEntry> claim(int max, Instant now, Duration lease, String owner) {
        if (max <= 0) {
            throw new IllegalArgumentException("max must be positive, got " + max);
        }
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(owner, "owner");
        return store.inTransaction("claim", sql.table(), connection -> {
            List<OutboxEntry> candidates = selectClaimable(connection, max, now);
            return candidates.isEmpty() ? candidates : markClaimed(connection, candidates, now, now.plus(lease), owner);
        });
    }

    private List<OutboxEntry> selectClaimable(Connection connection, int max, Instant now) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql.selectClaimable())) {
            OutboxRows.setInstant(select, 1, now);
            OutboxRows.setInstant(select, 2, now);
            select.setInt(3, max);
            return OutboxRows.readAll(select);
        }
    }

    private List<OutboxEntry> markClaimed(Connection connection, List<OutboxEntry> candidates, Instant now,
                                          Instant leaseUntil, String owner) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql.claim())) {
            for (OutboxEntry entry : candidates) {
                update.setString(1, owner);
                OutboxRows.setInstant(update, 2, leaseUntil);
                update.setLong(3, entry.id());
                OutboxRows.setInstant(update, 4, now);
                update.addBatch();
            }
            int[] counts = update.executeBatch();
            List<OutboxEntry> claimed = new ArrayList<>(candidates.size());
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] != 0) {
                    claimed.add(candidates.get(i));
                }
            }
            return claimed;
        }
    }

    @Override
    public void complete(long id) {
        store.update("complete", sql.table(), sql.complete(), statement -> statement.setLong(1, id));
    }

    @Override
    public void reschedule(long id, int attempts, Instant nextAttemptAt, String lastError) {
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        store.update("reschedule", sql.table(), sql.reschedule(), statement -> {
            statement.setInt(1, attempts);
            OutboxRows.setInstant(statement, 2, nextAttemptAt);
            statement.setString(3, lastError);
            statement.setLong(4, id);
        });
    }

    @Override
    public void deadLetter(long id, int attempts, String lastError) {
        store.update("dead-letter", sql.table(), sql.deadLetter(), statement -> {
            statement.setInt(1, attempts);
            statement.setString(2, lastError);
            OutboxRows.setInstant(statement, 3, clock.instant());
            statement.setLong(4, id);
        });
    }

    @Override
    public List<OutboxEntry> deadLetters(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
        return store.inTransaction("read dead letters", sql.table(), connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql.selectDead())) {
                select.setInt(1, limit);
                return OutboxRows.readAll(select);
            }
        });
    }

    @Override
    public int replay(List<Long> ids, Instant now) {
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(now, "now");
        return store.inTransaction("replay", sql.table(), connection -> {
            try (PreparedStatement replay = connection.prepareStatement(sql.replay(ids.isEmpty()))) {
                OutboxRows.setInstant(replay, 1, now);
                if (ids.isEmpty()) {
                    return replay.executeUpdate();
                }
                for (long id : ids) {
                    replay.setLong(2, id);
                    replay.addBatch();
                }
                int replayed = 0;
                for (int count : replay.executeBatch()) {
                    replayed += Math.max(count, 0);
                }
                return replayed;
            }
        });
    }

    @Override
    public long liveCount() {
        return store.inTransaction("count live entries", sql.table(), connection -> {
            try (PreparedStatement count = connection.prepareStatement(sql.countLive());
                 ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    @Override
    public Instant nextDueAt() {
        return store.inTransaction("find the next due entry", sql.table(), connection -> {
            try (PreparedStatement next = connection.prepareStatement(sql.nextDue());
                 ResultSet row = next.executeQuery()) {
                row.next();
                return OutboxRows.getInstant(row, 1);
            }
        });
    }

    /** Nothing to release: connections are borrowed per operation and the data source belongs to the caller. */
    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return "JdbcOutbox[" + sql.table() + " on " + store.dialect() + "]";
    }

    /**
     * Configures a {@link JdbcOutbox}. Only the data source is required.
     *
     * @since 0.1
     */
    public static final class Builder {
        private DataSource dataSource;
        private JdbcDialect dialect;
        private String tablePrefix = "ioflow_";
        private boolean createSchema;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The application's data source (its connection pool); required. */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /** The database dialect; by default detected from the connection's metadata. */
        public Builder dialect(JdbcDialect dialect) {
            this.dialect = Objects.requireNonNull(dialect, "dialect");
            return this;
        }

        /** Prefix of the table and index names (default {@code ioflow_}): letters, digits, underscores. */
        public Builder tablePrefix(String tablePrefix) {
            this.tablePrefix = Objects.requireNonNull(tablePrefix, "tablePrefix");
            return this;
        }

        /** Whether {@link #build()} creates missing tables and indexes (idempotent DDL); default false. */
        public Builder createSchema(boolean createSchema) {
            this.createSchema = createSchema;
            return this;
        }

        /** The clock that timestamps dead letters; default the system UTC clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the outbox; connects once to detect the dialect (unless set) and to create the schema (if asked).
         *
         * @throws OutboxStoreException when the database is unreachable or neither H2 nor PostgreSQL
         */
        public JdbcOutbox build() {
            if (dataSource == null) {
                throw new IllegalStateException("JdbcOutbox needs a dataSource");
            }
            return new JdbcOutbox(this);
        }
    }
}
