package dev.ioflow.webhook.jdbc;

import dev.ioflow.webhook.OutboxStoreException;
import dev.ioflow.webhook.spi.MarkerKey;
import dev.ioflow.webhook.spi.VersionMarkerStore;

import dev.ioflow.core.PayloadHash;
import dev.ioflow.webhook.internal.jdbc.JdbcStore;
import dev.ioflow.webhook.internal.jdbc.MarkerSql;
import dev.ioflow.webhook.internal.jdbc.OutboxRows;
import dev.ioflow.webhook.internal.jdbc.SetwiseStatements;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

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
 * <p>The table is defined next to the outbox's in {@code dev/ioflow/webhook/jdbc/schema-postgresql.sql} and
 * {@code schema-h2.sql}; {@link JdbcStoreBuilder#createSchema(boolean)} creates both tables. Database errors surface as
 * {@link OutboxStoreException}. Thread-safe.
 *
 * @since 0.1
 */
public final class JdbcVersionMarkerStore implements VersionMarkerStore {

    private static final Comparator<MarkerKey> KEY_ORDER = Comparator.comparing(MarkerKey::integrationObject)
            .thenComparing(MarkerKey::destinationId).thenComparing(MarkerKey::integrationKey);

    private final JdbcStore store;
    private final MarkerSql sql;
    private final Clock clock;

    private JdbcVersionMarkerStore(JdbcStore store, Clock clock) {
        this.store = store;
        this.sql = new MarkerSql(store.table("version_marker"), store.dialect());
        this.clock = clock;
    }

    /** A builder with the defaults: prefix {@code ioflow_}, dialect detected, no schema creation, system clock. */
    public static JdbcStoreBuilder<JdbcVersionMarkerStore> builder() {
        return new JdbcStoreBuilder<>(JdbcVersionMarkerStore::new);
    }

    @Override
    public @Nullable PayloadHash get(MarkerKey key) {
        Objects.requireNonNull(key, "key");
        return store.inImplicitTransaction("read version marker", sql.table(), connection -> get(connection, key));
    }

    private @Nullable PayloadHash get(Connection connection, MarkerKey key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql.select())) {
            bindKey(select, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new PayloadHash(row.getLong(1), row.getLong(2)) : null;
            }
        }
    }

    /** {@inheritDoc} One query on PostgreSQL; one transaction of single-key queries on H2; one key, as {@link #get}. */
    @Override
    public Map<MarkerKey, PayloadHash> getAll(Collection<MarkerKey> keys) {
        List<MarkerKey> all = List.copyOf(keys);
        if (all.isEmpty()) {
            return Map.of();
        }
        if (all.size() == 1) {
            // a statement with scalar parameters, whose plan PostgreSQL caches; an array's is made anew each time
            MarkerKey key = all.get(0);
            PayloadHash hash = get(key);
            return hash == null ? Map.of() : Map.of(key, hash);
        }
        if (store.dialect() != JdbcDialect.POSTGRESQL) {
            return store.inTransaction("read version markers", sql.table(), connection -> {
                Map<MarkerKey, PayloadHash> found = new HashMap<>();
                for (MarkerKey key : all) {
                    PayloadHash hash = get(connection, key);
                    if (hash != null) {
                        found.put(key, hash);
                    }
                }
                return found;
            });
        }
        return store.inImplicitTransaction("read version markers", sql.table(), connection -> {
            Map<MarkerKey, PayloadHash> found = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement(sql.selectKeys())) {
                bindKeyArrays(connection, select, 1, all);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.put(new MarkerKey(rows.getString(1), rows.getString(2), rows.getString(3)),
                                new PayloadHash(rows.getLong(4), rows.getLong(5)));
                    }
                }
            }
            return found;
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

    /** {@inheritDoc} One transaction, with the writes and removals as JDBC batches. */
    @Override
    public void apply(Map<MarkerKey, @Nullable PayloadHash> changes) {
        Objects.requireNonNull(changes, "changes");
        if (changes.isEmpty()) {
            return;
        }
        store.inTransaction("write version markers", sql.table(), connection -> {
            applyIn(connection, changes);
            return null;
        });
    }

    /** Whether this store's table is in the database of {@code other} (the same data source and dialect). */
    boolean sharesDatabaseWith(JdbcStore other) {
        return store.dataSource() == other.dataSource() && store.dialect() == other.dialect();
    }

    /**
     * Applies marker changes in the caller's transaction, in key order (so that two transactions writing the same
     * markers cannot deadlock): on PostgreSQL the writes as one statement and the removals as another, on H2 as JDBC
     * batches.
     */
    void applyIn(Connection connection, Map<MarkerKey, @Nullable PayloadHash> changes) throws SQLException {
        List<MarkerKey> removals = new ArrayList<>();
        List<Map.Entry<MarkerKey, PayloadHash>> puts = new ArrayList<>();
        List<Map.Entry<MarkerKey, @Nullable PayloadHash>> sorted = new ArrayList<>(changes.entrySet());
        sorted.sort(Map.Entry.comparingByKey(KEY_ORDER));
        for (Map.Entry<MarkerKey, @Nullable PayloadHash> change : sorted) {
            PayloadHash hash = change.getValue();
            if (hash == null) {
                removals.add(change.getKey());
            } else {
                puts.add(Map.entry(change.getKey(), hash));
            }
        }
        Instant now = clock.instant();
        if (store.dialect() == JdbcDialect.POSTGRESQL) {
            putAllSetwise(connection, puts, now);
            removeAllSetwise(connection, removals);
        } else {
            putAllInBatch(connection, puts, now);
            removeAllInBatch(connection, removals);
        }
    }

    private void putAllSetwise(Connection connection, List<Map.Entry<MarkerKey, PayloadHash>> puts, Instant now)
            throws SQLException {
        if (puts.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement(sql.upsertAll())) {
            upsert.setString(1, SetwiseStatements.text(now));
            bindKeyArrays(connection, upsert, 2, puts.stream().map(Map.Entry::getKey).toList());
            SetwiseStatements.bindArrays(connection, upsert, 5, new String[] {"int8", "int8"}, new Object[][] {
                puts.stream().map(p -> p.getValue().high()).toArray(),
                puts.stream().map(p -> p.getValue().low()).toArray()});
            upsert.executeUpdate();
        }
    }

    private void removeAllSetwise(Connection connection, List<MarkerKey> removals) throws SQLException {
        if (removals.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement(sql.deleteAll())) {
            bindKeyArrays(connection, delete, 1, removals);
            delete.executeUpdate();
        }
    }

    private void putAllInBatch(Connection connection, List<Map.Entry<MarkerKey, PayloadHash>> puts, Instant now)
            throws SQLException {
        if (puts.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement(sql.upsert())) {
            for (Map.Entry<MarkerKey, PayloadHash> put : puts) {
                bindKey(upsert, put.getKey());
                upsert.setLong(4, put.getValue().high());
                upsert.setLong(5, put.getValue().low());
                OutboxRows.setInstant(upsert, 6, now);
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private void removeAllInBatch(Connection connection, List<MarkerKey> removals) throws SQLException {
        if (removals.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement(sql.delete())) {
            for (MarkerKey key : removals) {
                bindKey(delete, key);
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

    /** Binds the keys as three arrays from {@code first} on: integration objects, destinations, integration keys. */
    private static void bindKeyArrays(Connection connection, PreparedStatement statement, int first,
                                      List<MarkerKey> keys) throws SQLException {
        SetwiseStatements.bindArrays(connection, statement, first, new String[] {"text", "text", "text"},
                new Object[][] {keys.stream().map(MarkerKey::integrationObject).toArray(),
                    keys.stream().map(MarkerKey::destinationId).toArray(),
                    keys.stream().map(MarkerKey::integrationKey).toArray()});
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
        bindKey(statement, 1, key);
    }

    /** Binds a marker key to three parameters from {@code first} on: integration object, destination, key. */
    static void bindKey(PreparedStatement statement, int first, MarkerKey key) throws SQLException {
        statement.setString(first, key.integrationObject());
        statement.setString(first + 1, key.destinationId());
        statement.setString(first + 2, key.integrationKey());
    }

    /** This store's statements, for queries of the outbox that read markers too. */
    MarkerSql sql() {
        return sql;
    }
}
