package dev.ioflow.webhook;

import dev.ioflow.core.PayloadHash;
import dev.ioflow.webhook.internal.jdbc.JdbcStore;
import dev.ioflow.webhook.internal.jdbc.MarkerSql;
import dev.ioflow.webhook.internal.jdbc.OutboxRows;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A {@link VersionMarkerStore} in a database table, so that delta detection survives restarts and is shared by
 * every application instance: one row per (integration object, destination, integration key) holding the 128-bit
 * hash of the payload last delivered.
 *
 * <pre>{@code
 * VersionMarkerStore markers = JdbcVersionMarkerStore.builder()
 *         .dataSource(hikariDataSource)     // H2 or PostgreSQL, detected from the connection
 *         .createSchema(true)
 *         .build();
 * }</pre>
 *
 * <p>The table is defined next to the outbox's in {@code dev/ioflow/webhook/schema-postgresql.sql} and
 * {@code schema-h2.sql}; {@link Builder#createSchema(boolean)} creates both tables. Database errors surface as
 * {@link OutboxStoreException}. Thread-safe.
 *
 * @since 0.1
 */
public final class JdbcVersionMarkerStore implements VersionMarkerStore {

    private final JdbcStore store;
    private final MarkerSql sql;
    private final Clock clock;

    private JdbcVersionMarkerStore(Builder builder) {
        this.store = JdbcStore.open(builder.dataSource, builder.dialect, builder.tablePrefix, builder.createSchema);
        this.sql = new MarkerSql(store.table("version_marker"), store.dialect());
        this.clock = builder.clock;
    }

    /** A builder with the defaults: prefix {@code ioflow_}, dialect detected, no schema creation, system clock. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Optional<PayloadHash> get(MarkerKey key) {
        Objects.requireNonNull(key, "key");
        return store.inTransaction("read version marker", sql.table(), connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql.select())) {
                bindKey(select, key);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(new PayloadHash(row.getLong(1), row.getLong(2))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void put(MarkerKey key, PayloadHash hash) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(hash, "hash");
        store.update("write version marker", sql.table(), sql.upsert(), statement -> {
            bindKey(statement, key);
            statement.setLong(4, hash.high());
            statement.setLong(5, hash.low());
            OutboxRows.setInstant(statement, 6, clock.instant());
        });
    }

    @Override
    public void remove(MarkerKey key) {
        Objects.requireNonNull(key, "key");
        store.update("remove version marker", sql.table(), sql.delete(), statement -> bindKey(statement, key));
    }

    /** Nothing to release: connections are borrowed per operation and the data source belongs to the caller. */
    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return "JdbcVersionMarkerStore[" + sql.table() + " on " + store.dialect() + "]";
    }

    private static void bindKey(PreparedStatement statement, MarkerKey key) throws SQLException {
        statement.setString(1, key.integrationObject());
        statement.setString(2, key.destinationId());
        statement.setString(3, key.integrationKey());
    }

    /**
     * Configures a {@link JdbcVersionMarkerStore}. Only the data source is required.
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

        /** The clock that timestamps marker updates; default the system UTC clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the store; connects once to detect the dialect (unless set) and to create the schema (if asked).
         *
         * @throws OutboxStoreException when the database is unreachable or neither H2 nor PostgreSQL
         */
        public JdbcVersionMarkerStore build() {
            if (dataSource == null) {
                throw new IllegalStateException("JdbcVersionMarkerStore needs a dataSource");
            }
            return new JdbcVersionMarkerStore(this);
        }
    }
}
