package dev.ioflow.webhook.jdbc;

import dev.ioflow.core.PayloadHash;
import dev.ioflow.webhook.OutboxStoreException;
import dev.ioflow.webhook.internal.jdbc.JdbcStore;
import dev.ioflow.webhook.internal.jdbc.SyncMemorySql;
import dev.ioflow.webhook.spi.SyncMemoryStore;
import dev.ioflow.webhook.spi.SyncedItem;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A {@link SyncMemoryStore} in a database table ({@code ioflow_sync_memory}, defined in the schema files next to the
 * outbox's), so that an outbound sync recognises, after a restart, the items that disappeared while the application
 * was down. A {@link dev.ioflow.webhook.WebhookService} whose outbox is a {@link JdbcOutbox} uses one in the
 * outbox's database unless told otherwise.
 *
 * <pre>{@code
 * SyncMemoryStore memory = JdbcSyncMemoryStore.builder().dataSource(dataSource).createSchema(true).build();
 * WebhookService.builder().syncMemory(memory)...
 * }</pre>
 *
 * <p>Every method is one transaction per chunk of items, whatever its size: on PostgreSQL, marking items seen and
 * forgetting them are one set-wise statement each (the keys travel as an array); remembering, and everything on H2
 * (embedded: no round trips to save), is one JDBC batch. A sync over a million items costs a few thousand
 * statements or batches, not a million round trips. Database errors surface as
 * {@link OutboxStoreException}. Thread-safe.
 *
 * @since 1.1
 */
public final class JdbcSyncMemoryStore implements SyncMemoryStore {
    private final JdbcStore store;
    private final SyncMemorySql sql;

    private JdbcSyncMemoryStore(JdbcStore store) {
        this.store = store;
        this.sql = new SyncMemorySql(store.table("sync_memory"), store.dialect());
    }

    /** A builder with the defaults: prefix {@code ioflow_}, dialect detected, no schema creation. */
    public static JdbcStoreBuilder<JdbcSyncMemoryStore> builder() {
        return new JdbcStoreBuilder<>((store, clock) -> new JdbcSyncMemoryStore(store));
    }

    /** A store in the outbox's database, with its table prefix (the outbox's schema files create its table). */
    public static JdbcSyncMemoryStore of(JdbcOutbox outbox) {
        return new JdbcSyncMemoryStore(outbox.store());
    }

    @Override
    public long beginRun(String webhookId) {
        Objects.requireNonNull(webhookId, "webhookId");
        return store.inTransaction("begin sync run", sql.table(), connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql.lastRun())) {
                select.setString(1, webhookId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? row.getLong(1) + 1 : 1L;
                }
            }
        });
    }

    @Override
    public Set<String> touch(String webhookId, long run, Collection<String> integrationKeys) {
        Objects.requireNonNull(webhookId, "webhookId");
        if (integrationKeys.isEmpty()) {
            return Set.of();
        }
        Set<String> unknown = new HashSet<>(integrationKeys);
        return store.inTransaction("mark synced items seen", sql.table(), connection -> {
            if (sql.keysAsArray()) {
                try (PreparedStatement update = connection.prepareStatement(sql.touchAll())) {
                    update.setLong(1, run);
                    update.setString(2, webhookId);
                    update.setArray(3, connection.createArrayOf("text", unknown.toArray()));
                    try (ResultSet known = update.executeQuery()) {
                        while (known.next()) {
                            unknown.remove(known.getString(1));
                        }
                    }
                }
                return unknown;
            }
            List<String> keys = List.copyOf(unknown);
            try (PreparedStatement update = connection.prepareStatement(sql.touchOne())) {
                for (String key : keys) {
                    update.setLong(1, run);
                    update.setString(2, webhookId);
                    update.setString(3, key);
                    update.addBatch();
                }
                int[] counts = update.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] > 0) {
                        unknown.remove(keys.get(i));
                    }
                }
            }
            return unknown;
        });
    }

    @Override
    public void remember(String webhookId, long run, List<SyncedItem> items) {
        Objects.requireNonNull(webhookId, "webhookId");
        if (items.isEmpty()) {
            return;
        }
        store.inTransaction("remember synced items", sql.table(), connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(sql.upsert())) {
                for (SyncedItem item : items) {
                    upsert.setString(1, webhookId);
                    upsert.setString(2, item.integrationKey());
                    upsert.setLong(3, run);
                    upsert.setLong(4, item.payloadHash().high());
                    upsert.setLong(5, item.payloadHash().low());
                    upsert.setBytes(6, item.payload());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<SyncedItem> missing(String webhookId, long run, int max) {
        Objects.requireNonNull(webhookId, "webhookId");
        return store.inTransaction("read items missing from the sync", sql.table(), connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql.missing())) {
                select.setString(1, webhookId);
                select.setLong(2, run);
                select.setInt(3, max);
                List<SyncedItem> missing = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        missing.add(new SyncedItem(rows.getString(1), new PayloadHash(rows.getLong(2),
                                rows.getLong(3)), rows.getBytes(4)));
                    }
                }
                return missing;
            }
        });
    }

    @Override
    public void forget(String webhookId, Collection<String> integrationKeys) {
        Objects.requireNonNull(webhookId, "webhookId");
        if (integrationKeys.isEmpty()) {
            return;
        }
        store.inTransaction("forget synced items", sql.table(), connection -> {
            if (sql.keysAsArray()) {
                try (PreparedStatement delete = connection.prepareStatement(sql.deleteAll())) {
                    delete.setString(1, webhookId);
                    delete.setArray(2, connection.createArrayOf("text", integrationKeys.toArray()));
                    delete.executeUpdate();
                }
                return null;
            }
            try (PreparedStatement delete = connection.prepareStatement(sql.deleteOne())) {
                for (String key : integrationKeys) {
                    delete.setString(1, webhookId);
                    delete.setString(2, key);
                    delete.addBatch();
                }
                delete.executeBatch();
            }
            return null;
        });
    }

    @Override
    public String toString() {
        return "JdbcSyncMemoryStore[" + sql.table() + " on " + store.dialect() + "]";
    }
}
