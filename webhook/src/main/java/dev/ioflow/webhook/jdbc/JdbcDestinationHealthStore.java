package dev.ioflow.webhook.jdbc;

import dev.ioflow.webhook.DestinationHealth;
import dev.ioflow.webhook.OutboxStoreException;
import dev.ioflow.webhook.internal.jdbc.JdbcStore;
import dev.ioflow.webhook.internal.jdbc.OutboxRows;
import dev.ioflow.webhook.spi.DestinationHealthStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@link DestinationHealthStore} in a database table ({@code ioflow_destination_health}, defined in the schema files
 * next to the outbox's): a disabled destination stays disabled across restarts, and every application instance sharing
 * the outbox sees it. A {@link dev.ioflow.webhook.WebhookService} whose outbox is a {@link JdbcOutbox} uses one in the
 * outbox's database unless told otherwise.
 *
 * <pre>{@code
 * DestinationHealthStore health = JdbcDestinationHealthStore.of(jdbcOutbox);
 * }</pre>
 *
 * <p>Database errors surface as {@link OutboxStoreException}. Thread-safe.
 *
 * @since 1.1
 */
public final class JdbcDestinationHealthStore implements DestinationHealthStore {
    private static final String COLUMNS = "destination_id, enabled, failing_since, consecutive_failures, disabled_at, "
            + "last_error, reason";
    private final JdbcStore store;
    private final String table;

    private JdbcDestinationHealthStore(JdbcStore store) {
        this.store = store;
        this.table = store.table("destination_health");
    }

    /** A builder with the defaults: prefix {@code ioflow_}, dialect detected, no schema creation. */
    public static JdbcStoreBuilder<JdbcDestinationHealthStore> builder() {
        return new JdbcStoreBuilder<>((store, clock) -> new JdbcDestinationHealthStore(store));
    }

    /** A store in the outbox's database, with its table prefix (the outbox's schema files create its table). */
    public static JdbcDestinationHealthStore of(JdbcOutbox outbox) {
        return new JdbcDestinationHealthStore(outbox.store());
    }

    @Override
    public List<DestinationHealth> loadAll() {
        return store.inTransaction("read destination health", table, connection -> {
            List<DestinationHealth> states = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM " + table
                    + " ORDER BY destination_id");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    states.add(DestinationHealth.of(rows.getString(1), rows.getBoolean(2),
                            OutboxRows.getInstant(rows, 3), rows.getInt(4), OutboxRows.getInstant(rows, 5),
                            rows.getString(6), rows.getString(7)));
                }
            }
            return states;
        });
    }

    /** {@inheritDoc} One transaction: the removals and the upserts as JDBC batches. */
    @Override
    public void saveAll(List<DestinationHealth> states) {
        Objects.requireNonNull(states, "states");
        if (states.isEmpty()) {
            return;
        }
        store.inTransaction("write destination health", table, connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table
                    + " WHERE destination_id = ?");
                 PreparedStatement upsert = connection.prepareStatement(upsert())) {
                boolean removals = false;
                boolean upserts = false;
                for (DestinationHealth health : states) {
                    if (health.healthy()) {
                        delete.setString(1, health.destinationId());
                        delete.addBatch();
                        removals = true;
                        continue;
                    }
                    upsert.setString(1, health.destinationId());
                    upsert.setBoolean(2, health.enabled());
                    OutboxRows.setInstant(upsert, 3, health.failingSince());
                    upsert.setInt(4, health.consecutiveFailures());
                    OutboxRows.setInstant(upsert, 5, health.disabledAt());
                    upsert.setString(6, health.lastError());
                    upsert.setString(7, health.reason());
                    upsert.addBatch();
                    upserts = true;
                }
                if (removals) {
                    delete.executeBatch();
                }
                if (upserts) {
                    upsert.executeBatch();
                }
            }
            return null;
        });
    }

    private String upsert() {
        String values = " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)";
        return switch (store.dialect()) {
            case H2 -> "MERGE INTO " + table + " (" + COLUMNS + ") KEY (destination_id) VALUES (?, ?, ?, ?, ?, ?, ?)";
            case POSTGRESQL -> "INSERT INTO " + table + values + " ON CONFLICT (destination_id) DO UPDATE SET "
                    + "enabled = EXCLUDED.enabled, failing_since = EXCLUDED.failing_since, "
                    + "consecutive_failures = EXCLUDED.consecutive_failures, disabled_at = EXCLUDED.disabled_at, "
                    + "last_error = EXCLUDED.last_error, reason = EXCLUDED.reason";
        };
    }

    @Override
    public String toString() {
        return "JdbcDestinationHealthStore[" + table + " on " + store.dialect() + "]";
    }
}
