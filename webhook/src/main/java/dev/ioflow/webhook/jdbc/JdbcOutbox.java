package dev.ioflow.webhook.jdbc;

import dev.ioflow.webhook.ChangeType;
import dev.ioflow.webhook.OutboxStoreException;
import dev.ioflow.webhook.spi.Outbox;
import dev.ioflow.webhook.spi.OutboxEntry;
import dev.ioflow.webhook.spi.PendingChange;
import dev.ioflow.core.PayloadHash;
import dev.ioflow.webhook.internal.jdbc.OrderingKeys;
import org.jspecify.annotations.Nullable;

import dev.ioflow.webhook.internal.Coalescing;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A durable {@link Outbox} in a database table, over the application's own {@link javax.sql.DataSource} (bring
 * your pool). Changes are committed before {@link #append} returns, and several application instances can share one
 * table: claims use {@code SELECT … FOR UPDATE SKIP LOCKED}, so two instances never claim the same entry, and an
 * entry whose claimer died becomes claimable again when its lease ends, with the same message id.
 *
 * <pre>{@code
 * Outbox outbox = JdbcOutbox.builder()
 *         .dataSource(hikariDataSource)     // H2 or PostgreSQL, detected from the connection
 *         .createSchema(true)               // or apply schema-postgresql.sql yourself
 *         .build();
 * }</pre>
 *
 * <p>The tables are defined in {@code dev/ioflow/webhook/jdbc/schema-postgresql.sql} and {@code schema-h2.sql}
 * inside this jar; a {@linkplain JdbcStoreBuilder#tablePrefix table prefix} other than {@code ioflow_} renames them.
 * Database errors surface as {@link OutboxStoreException}. Thread-safe.
 *
 * <p><b>H2 files.</b> H2 writes a commit to disk up to half a second after it returns unless the URL says
 * {@code ;WRITE_DELAY=0}; without it a killed process can lose changes, and the builder logs a warning.
 *
 * @since 0.1
 */
public final class JdbcOutbox implements Outbox {

    private final JdbcStore store;
    private final OutboxSql sql;
    private final Clock clock;

    private JdbcOutbox(JdbcStore store, Clock clock) {
        this.store = store;
        this.sql = new OutboxSql(store.table("outbox"));
        this.clock = clock;
    }

    /** A builder with the defaults: prefix {@code ioflow_}, dialect detected, no schema creation, system clock. */
    public static JdbcStoreBuilder<JdbcOutbox> builder() {
        return new JdbcStoreBuilder<>(JdbcOutbox::new);
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
        List<OutboxEntry> survivors = coalesce(entries);
        // Per key, the first surviving entry decides which pending rows it replaces: all of them for a delete;
        // for a save, the saves not followed by a live delete.
        Map<String, OutboxEntry> firstPerKey = new LinkedHashMap<>();
        for (OutboxEntry entry : survivors) {
            firstPerKey.putIfAbsent(entry.orderingKey(), entry);
        }
        // Concurrent appends lock the rows they replace in one global key order, so that they cannot deadlock.
        List<OutboxEntry> byLockOrder = new ArrayList<>(firstPerKey.values());
        byLockOrder.sort(Comparator.comparing(OutboxEntry::orderingKey));
        store.inTransaction("append", sql.table(), connection -> {
            try (PreparedStatement delete = connection.prepareStatement(sql.deletePending());
                 PreparedStatement insert = connection.prepareStatement(sql.insert())) {
                for (OutboxEntry entry : byLockOrder) {
                    OutboxRows.bindOrderingKey(delete, entry);
                    delete.setBoolean(5, entry.changeType() == ChangeType.DELETED);
                    delete.addBatch();
                }
                for (OutboxEntry entry : survivors) {
                    OutboxRows.bindInsert(insert, entry);
                    insert.addBatch();
                }
                delete.executeBatch();
                insert.executeBatch();
            }
            return null;
        });
    }

    /** The entries left when each replaces its key's previous one in the list where {@link Coalescing} allows. */
    private static List<OutboxEntry> coalesce(List<OutboxEntry> entries) {
        List<OutboxEntry> kept = new ArrayList<>(entries.size());
        Map<String, Integer> tailOfKey = new HashMap<>();
        for (OutboxEntry entry : entries) {
            Integer tail = tailOfKey.get(entry.orderingKey());
            if (tail != null && Coalescing.replaces(entry, kept.get(tail))) {
                kept.set(tail, null);
            }
            tailOfKey.put(entry.orderingKey(), kept.size());
            kept.add(entry);
        }
        kept.removeIf(Objects::isNull);
        return kept;
    }

    @Override
    public List<OutboxEntry> claim(int max, Instant now, Duration lease, String owner) {
        requireNotNegative("max", max);
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(owner, "owner");
        if (max == 0) {
            return List.of();
        }
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
        requireNotNegative("limit", limit);
        if (limit == 0) {
            return List.of();
        }
        return store.inTransaction("read dead letters", sql.table(), connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql.selectDead())) {
                select.setInt(1, limit);
                return OutboxRows.readAll(select);
            }
        });
    }

    /**
     * {@inheritDoc}
     *
     * <p>A dead letter whose key got a newer live entry since is dropped rather than queued (the newer entry
     * carries the current state); it still counts as replayed.
     */
    @Override
    public int replay(List<Long> ids, Instant now) {
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(now, "now");
        boolean all = ids.isEmpty();
        return store.inTransaction("replay", sql.table(), connection -> {
            try (PreparedStatement drop = connection.prepareStatement(sql.dropSupersededDead(all));
                 PreparedStatement replay = connection.prepareStatement(sql.replay(all))) {
                OutboxRows.setInstant(replay, 1, now);
                if (all) {
                    return drop.executeUpdate() + replay.executeUpdate();
                }
                for (long id : ids) {
                    drop.setLong(1, id);
                    drop.addBatch();
                    replay.setLong(2, id);
                    replay.addBatch();
                }
                return sum(drop.executeBatch()) + sum(replay.executeBatch());
            }
        });
    }

    @Override
    public @Nullable PendingChange newestLive(String webhookId, String destinationId, String integrationKey) {
        return store.inTransaction("find the newest live entry of a key", sql.table(), connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql.newestLive())) {
                select.setLong(1, OrderingKeys.hash(OutboxEntry.orderingKey(webhookId, destinationId, integrationKey)));
                select.setString(2, webhookId);
                select.setString(3, destinationId);
                select.setString(4, integrationKey);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? new PendingChange(ChangeType.valueOf(row.getString(1)),
                            new PayloadHash(row.getLong(2), row.getLong(3))) : null;
                }
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
    public @Nullable Instant nextDueAt() {
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

    private static void requireNotNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, got " + value);
        }
    }

    private static int sum(int[] updateCounts) {
        int total = 0;
        for (int count : updateCounts) {
            total += Math.max(count, 0);
        }
        return total;
    }
}
