package dev.ioflow.webhook.jdbc;

import dev.ioflow.webhook.ChangeType;
import dev.ioflow.webhook.OutboxStoreException;
import dev.ioflow.webhook.spi.Outbox;
import dev.ioflow.webhook.spi.OutboxEntry;
import dev.ioflow.webhook.spi.PendingChange;
import dev.ioflow.core.PayloadHash;
import dev.ioflow.webhook.internal.jdbc.DueEntries;
import dev.ioflow.webhook.internal.jdbc.H2DueEntries;
import dev.ioflow.webhook.internal.jdbc.GroupCommit;
import dev.ioflow.webhook.internal.jdbc.YoungTableStatistics;
import dev.ioflow.webhook.internal.jdbc.KeyLocks;
import dev.ioflow.webhook.internal.jdbc.OrderingKeys;
import dev.ioflow.webhook.spi.KeyState;
import dev.ioflow.webhook.spi.Settlement;
import dev.ioflow.webhook.spi.TransactionalOutbox;
import dev.ioflow.webhook.spi.MarkerKey;
import dev.ioflow.webhook.spi.VersionMarkerStore;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jspecify.annotations.Nullable;

import dev.ioflow.webhook.internal.Coalescing;
import dev.ioflow.webhook.internal.jdbc.JdbcStore;
import dev.ioflow.webhook.internal.jdbc.OutboxRows;
import dev.ioflow.webhook.internal.jdbc.OutboxSql;
import dev.ioflow.webhook.internal.jdbc.SetwiseStatements;
import dev.ioflow.webhook.internal.jdbc.SqlWork;
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
 * <p><b>Speed.</b> Appends from concurrent threads are committed together (group commit, which briefly waits for
 * the callers of the last commit that are not back yet, never for a lone caller); on PostgreSQL a chunk of appends
 * is one round trip that also commits it (key locks, replaced entries deleted, all entries inserted from arrays with
 * {@code unnest}, sent together as one implicit transaction), and a claim is one {@code UPDATE … RETURNING}. A worker pass takes two
 * transactions, not one per entry: its claim, and its settlements together with the version markers of its
 * deliveries ({@link #settle(List, VersionMarkerStore, Instant)}). Each key's oldest live entry is flagged as its
 * head when entries are appended or settled, so a claim reads a small partial index of due heads and costs the same
 * with a thousand or a million entries waiting. PostgreSQL plans these statements from the table's statistics; while
 * the table is young (under 10,000 rows in its statistics), the outbox runs {@code ANALYZE} on it in the background
 * whenever it has doubled in size, so that a new table's lookups do not keep an empty table's plans until autovacuum
 * first analyzes it (a minute or more; never where autovacuum is off).
 *
 * <p><b>Upgrades.</b> {@code createSchema(true)} also upgrades tables created by an older ioflow: missing columns are
 * added and a {@code <prefix>schema_version} table records the one-time steps that ran.
 *
 * <p><b>The application's transaction.</b> {@link #append(List, Connection)} writes into a transaction the caller
 * commits or rolls back; the entry's ordering key stays locked until then.
 *
 * <p>The tables are defined in {@code dev/ioflow/webhook/jdbc/schema-postgresql.sql} and {@code schema-h2.sql}
 * inside this jar; a {@linkplain JdbcStoreBuilder#tablePrefix table prefix} other than {@code ioflow_} renames them.
 * Database errors surface as {@link OutboxStoreException}. Thread-safe.
 *
 * <p><b>H2 files.</b> Put {@code ;RETENTION_TIME=0} in the URL and leave H2's write delay as it is. H2 writes a
 * commit to its file up to half a second after it returns; the stores run {@code CHECKPOINT} after each of their
 * commits (the database user needs admin rights), so a killed process loses nothing they reported as written, while
 * H2's background writer keeps compacting the file. The older advice {@code WRITE_DELAY=0} stops that writer: every
 * commit becomes a new chunk and the file grows while open (20,000 delivered changes: 112 MB, against 14 MB); the
 * builder logs a warning for it, and for a database that refuses {@code CHECKPOINT}.
 *
 * @since 0.1
 */
public final class JdbcOutbox implements TransactionalOutbox {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcOutbox.class);

    private final JdbcStore store;
    private final OutboxSql sql;
    private final KeyLocks locks;
    private final DueEntries due;
    private final Clock clock;
    private final GroupCommit<List<OutboxEntry>> appends;
    /** PostgreSQL's one-statement appends and claims; null on H2, which runs JDBC batches. */
    private final @Nullable SetwiseStatements setwise;
    private final YoungTableStatistics statistics;

    private JdbcOutbox(JdbcStore store, Clock clock) {
        this.store = store;
        this.sql = new OutboxSql(store.table("outbox"));
        this.locks = KeyLocks.of(store.dialect(), store.table("outbox"));
        this.clock = clock;
        this.appends = new GroupCommit<>(this::appendTogether);
        this.setwise = store.dialect() == JdbcDialect.POSTGRESQL ? new SetwiseStatements(sql) : null;
        this.due = setwise != null ? setwise : new H2DueEntries(sql);
        this.statistics = YoungTableStatistics.of(store, sql.table());
    }

    /** A builder with the defaults: prefix {@code ioflow_}, dialect detected, no schema creation, system clock. */
    public static JdbcStoreBuilder<JdbcOutbox> builder() {
        return new JdbcStoreBuilder<>(JdbcOutbox::new);
    }

    /** The database dialect in use (detected unless set on the builder). */
    public JdbcDialect dialect() {
        return store.dialect();
    }

    /** {@inheritDoc} Concurrent calls share one transaction (each waits for its commit). */
    @Override
    public void append(List<OutboxEntry> entries) {
        Objects.requireNonNull(entries, "entries");
        if (!entries.isEmpty()) {
            appends.submit(List.copyOf(entries));
            statistics.written(entries.size());
        }
    }

    /** Appends several callers' entries in one transaction. */
    private void appendTogether(List<List<OutboxEntry>> requests) {
        List<OutboxEntry> all = new ArrayList<>();
        requests.forEach(all::addAll);
        SqlWork<Void> work = connection -> {
            appendIn(connection, all);
            return null;
        };
        if (setwise != null) {
            // one round trip: the lock, delete and insert are sent together and committed as one transaction
            store.inImplicitTransaction("append", sql.table(), work);
        } else {
            store.inTransaction("append", sql.table(), work);
        }
    }

    @Override
    public void append(List<OutboxEntry> entries, Connection connection) {
        Objects.requireNonNull(entries, "entries");
        Objects.requireNonNull(connection, "connection");
        if (entries.isEmpty()) {
            return;
        }
        try {
            if (connection.getAutoCommit()) {
                throw new IllegalStateException("append(entries, connection) writes into the caller's transaction, "
                        + "but the connection is in auto-commit mode: call setAutoCommit(false) first");
            }
            appendIn(connection, entries);
        } catch (SQLException e) {
            throw new OutboxStoreException("append in the caller's transaction", sql.table(), e);
        }
        statistics.written(entries.size());
    }

    private void appendIn(Connection connection, List<OutboxEntry> entries) throws SQLException {
        List<OutboxEntry> survivors = coalesce(entries);
        // Per key, the first surviving entry decides which pending rows it replaces: all of them for a delete;
        // for a save, the saves not followed by a live delete.
        Map<String, OutboxEntry> firstPerKey = new LinkedHashMap<>();
        for (OutboxEntry entry : survivors) {
            firstPerKey.putIfAbsent(entry.orderingKey(), entry);
        }
        List<OutboxEntry> byLockOrder = new ArrayList<>(firstPerKey.values());
        byLockOrder.sort(Comparator.comparing(OutboxEntry::orderingKey));
        if (setwise != null) {
            setwise.append(connection, locks, survivors, byLockOrder);
            return;
        }
        locks.lock(connection, byLockOrder.stream().map(OrderingKeys::hash).toList());
        try (PreparedStatement delete = connection.prepareStatement(sql.deletePending());
             PreparedStatement insert = connection.prepareStatement(sql.insert());
             PreparedStatement promote = connection.prepareStatement(sql.promoteHead())) {
            for (OutboxEntry entry : byLockOrder) {
                OutboxRows.bindOrderingKey(delete, entry);
                delete.setBoolean(5, entry.changeType() == ChangeType.DELETED);
                delete.addBatch();
                OutboxRows.bindOrderingKey(promote, entry);
                promote.addBatch();
            }
            for (OutboxEntry entry : survivors) {
                OutboxRows.bindInsert(insert, entry);
                insert.addBatch();
            }
            delete.executeBatch();
            insert.executeBatch();
            promote.executeBatch();
        }
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
        long token = newToken();
        return store.inTransaction("claim", sql.table(),
                connection -> due.claim(connection, max, now, lease, owner, token));
    }

    private static long newToken() {
        long token;
        do {
            token = ThreadLocalRandom.current().nextLong();
        } while (token == 0);
        return token;
    }

    /**
     * {@inheritDoc}
     *
     * <p>One transaction: the keys of completed and dead-lettered entries are locked, the conditional changes run
     * (on PostgreSQL the completions as one statement, the others as JDBC batches), and the next entry of each such
     * key becomes its head.
     */
    @Override
    public List<Settlement> settle(List<Settlement> settlements) {
        Objects.requireNonNull(settlements, "settlements");
        if (settlements.isEmpty()) {
            return List.of();
        }
        List<Settlement> refused = store.inTransaction("settle", sql.table(),
                connection -> settleIn(connection, settlements));
        logRefused(refused);
        return refused;
    }

    /**
     * {@inheritDoc}
     *
     * <p>When {@code markers} is a {@link JdbcVersionMarkerStore} on this outbox's data source, one transaction:
     * the settlements as {@link #settle(List)} applies them, then the markers of the completions it applied.
     */
    @Override
    public List<Settlement> settle(List<Settlement> settlements, VersionMarkerStore markers, Instant leaseUntil) {
        Objects.requireNonNull(settlements, "settlements");
        Objects.requireNonNull(markers, "markers");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
        if (!(markers instanceof JdbcVersionMarkerStore jdbcMarkers) || !jdbcMarkers.sharesDatabaseWith(store)) {
            return TransactionalOutbox.super.settle(settlements, markers, leaseUntil);
        }
        if (settlements.isEmpty()) {
            return List.of();
        }
        List<Settlement> refused = store.inTransaction("settle with version markers", sql.table(), connection -> {
            List<Settlement> notApplied = settleIn(connection, settlements);
            Set<Settlement> stale = Collections.newSetFromMap(new IdentityHashMap<>());
            stale.addAll(notApplied);
            jdbcMarkers.applyIn(connection, MarkerKey.deliveredBy(
                    settlements.stream().filter(s -> !stale.contains(s)).toList()));
            return notApplied;
        });
        logRefused(refused);
        return refused;
    }

    private static void logRefused(List<Settlement> refused) {
        for (Settlement stale : refused) {
            LOG.debug("refused {}: the claim of {} no longer holds", stale.kind(), stale.entry());
        }
    }

    /**
     * Applies the settlements in the caller's transaction; returns those whose claim no longer held, in the given
     * order. On PostgreSQL the completions are one set-wise statement pair; the rest (and all on H2) JDBC batches.
     */
    private List<Settlement> settleIn(Connection connection, List<Settlement> settlements) throws SQLException {
        List<Long> headChanges = new ArrayList<>();
        Map<Settlement.Kind, List<Settlement>> byKind = new java.util.EnumMap<>(Settlement.Kind.class);
        for (Settlement settlement : settlements) {
            if (settlement.kind() != Settlement.Kind.RESCHEDULED) {
                headChanges.add(OrderingKeys.hash(settlement.entry()));
            }
            byKind.computeIfAbsent(settlement.kind(), k -> new ArrayList<>()).add(settlement);
        }
        locks.lock(connection, headChanges);
        Set<Settlement> refused = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Settlement> completions = setwise == null ? null : byKind.remove(Settlement.Kind.COMPLETED);
        if (setwise != null && completions != null) {
            Set<Long> deleted = setwise.complete(connection,
                    completions.stream().map(Settlement::entry).toList());
            completions.stream().filter(c -> !deleted.contains(c.entry().id())).forEach(refused::add);
        }
        if (!byKind.isEmpty()) {
            settleInBatches(connection, byKind, refused);
        }
        return refused.isEmpty() ? List.of() : settlements.stream().filter(refused::contains).toList();
    }

    /** Applies settlements as JDBC batches, one per kind; adds those whose claim no longer held to {@code refused}. */
    private void settleInBatches(Connection connection, Map<Settlement.Kind, List<Settlement>> byKind,
                                 Set<Settlement> refused) throws SQLException {
        Instant now = clock.instant();
        try (PreparedStatement complete = connection.prepareStatement(sql.complete());
             PreparedStatement reschedule = connection.prepareStatement(sql.reschedule());
             PreparedStatement deadLetter = connection.prepareStatement(sql.deadLetter());
             PreparedStatement promote = connection.prepareStatement(sql.promoteHead())) {
            for (List<Settlement> ofKind : byKind.values()) {
                for (Settlement settlement : ofKind) {
                    OutboxEntry e = settlement.entry();
                    switch (settlement.kind()) {
                        case COMPLETED -> bindClaim(complete, 1, e);
                        case RESCHEDULED -> {
                            reschedule.setInt(1, settlement.attempts());
                            OutboxRows.setInstant(reschedule, 2, settlement.nextAttemptAt());
                            reschedule.setString(3, settlement.lastError());
                            bindClaim(reschedule, 4, e);
                        }
                        case DEAD_LETTERED -> {
                            deadLetter.setInt(1, settlement.attempts());
                            deadLetter.setString(2, settlement.lastError());
                            OutboxRows.setInstant(deadLetter, 3, now);
                            bindClaim(deadLetter, 4, e);
                        }
                    }
                }
            }
            collectRefused(byKind.get(Settlement.Kind.COMPLETED), complete, refused, promote);
            collectRefused(byKind.get(Settlement.Kind.RESCHEDULED), reschedule, refused, null);
            collectRefused(byKind.get(Settlement.Kind.DEAD_LETTERED), deadLetter, refused, promote);
            promote.executeBatch();
        }
    }

    private static void bindClaim(PreparedStatement statement, int from, OutboxEntry entry) throws SQLException {
        statement.setLong(from, entry.id());
        statement.setString(from + 1, entry.claimedBy());
        statement.setLong(from + 2, entry.claimToken());
        statement.addBatch();
    }

    /** Runs the batch; adds the settlements it did not apply to {@code refused}, promotes the next head of the others. */
    private static void collectRefused(@Nullable List<Settlement> settlements, PreparedStatement batch,
                                       Set<Settlement> refused, @Nullable PreparedStatement promote)
            throws SQLException {
        if (settlements == null) {
            return;
        }
        int[] counts = batch.executeBatch();
        for (int i = 0; i < settlements.size(); i++) {
            OutboxEntry e = settlements.get(i).entry();
            if (counts[i] == 0) {
                refused.add(settlements.get(i));
            } else if (promote != null) {
                OutboxRows.bindOrderingKey(promote, e);
                promote.addBatch();
            }
        }
    }

    @Override
    public List<OutboxEntry> renew(List<OutboxEntry> claimed, Instant leaseUntil) {
        Objects.requireNonNull(claimed, "claimed");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
        if (claimed.isEmpty()) {
            return List.of();
        }
        return store.inTransaction("renew leases", sql.table(), connection -> {
            try (PreparedStatement renew = connection.prepareStatement(sql.renew())) {
                for (OutboxEntry entry : claimed) {
                    if (entry.claimedBy() == null) {
                        throw new IllegalArgumentException("only a claimed entry can be renewed, got " + entry);
                    }
                    OutboxRows.setInstant(renew, 1, leaseUntil);
                    bindClaim(renew, 2, entry);
                }
                int[] counts = renew.executeBatch();
                List<OutboxEntry> held = new ArrayList<>(claimed.size());
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] != 0) {
                        held.add(claimed.get(i));
                    }
                }
                return held;
            }
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
            List<DeadKey> dead = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(sql.selectDeadKeys(all))) {
                for (long id : all ? List.of(0L) : ids) {
                    if (!all) {
                        select.setLong(1, id);
                    }
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            dead.add(new DeadKey(rows.getLong(1), rows.getLong(2), rows.getString(3),
                                    rows.getString(4), rows.getString(5)));
                        }
                    }
                }
            }
            locks.lock(connection, dead.stream().map(DeadKey::hash).toList());
            try (PreparedStatement drop = connection.prepareStatement(sql.dropSupersededDead());
                 PreparedStatement replay = connection.prepareStatement(sql.replay());
                 PreparedStatement promote = connection.prepareStatement(sql.promoteHead())) {
                for (DeadKey key : dead) {
                    drop.setLong(1, key.id());
                    drop.addBatch();
                    OutboxRows.setInstant(replay, 1, now);
                    replay.setLong(2, key.id());
                    replay.addBatch();
                    OutboxRows.bindOrderingKey(promote, key.hash(), key.webhookId(), key.destinationId(),
                            key.integrationKey());
                    promote.addBatch();
                }
                int replayed = sum(drop.executeBatch()) + sum(replay.executeBatch());
                promote.executeBatch();
                return replayed;
            }
        });
    }

    /** A dead letter's id and ordering key. */
    private record DeadKey(long id, long hash, String webhookId, String destinationId, String integrationKey) {
    }

    @Override
    public @Nullable PendingChange newestLive(String webhookId, String destinationId, String integrationKey) {
        return store.inImplicitTransaction("find the newest live entry of a key", sql.table(),
                connection -> newestLive(connection, webhookId, destinationId, integrationKey));
    }

    private @Nullable PendingChange newestLive(Connection connection, String webhookId, String destinationId,
                                               String integrationKey) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql.newestLive())) {
            OutboxRows.bindOrderingKey(select, webhookId, destinationId, integrationKey);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new PendingChange(ChangeType.valueOf(row.getString(1)),
                        new PayloadHash(row.getLong(2), row.getLong(3))) : null;
            }
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>When {@code markers} is a {@link JdbcVersionMarkerStore} on this outbox's data source, one query.
     */
    @Override
    public KeyState keyState(String webhookId, MarkerKey key, VersionMarkerStore markers) {
        Objects.requireNonNull(webhookId, "webhookId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(markers, "markers");
        if (!(markers instanceof JdbcVersionMarkerStore jdbcMarkers) || !jdbcMarkers.sharesDatabaseWith(store)) {
            return TransactionalOutbox.super.keyState(webhookId, key, markers);
        }
        return store.inImplicitTransaction("read the newest live entry and the marker of a key", sql.table(),
                connection -> {
                    try (PreparedStatement select = connection.prepareStatement(
                            sql.newestLiveAndMarker(jdbcMarkers.sql()))) {
                        OutboxRows.bindOrderingKey(select, webhookId, key.destinationId(), key.integrationKey());
                        JdbcVersionMarkerStore.bindKey(select, 5, key);
                        return readKeyState(select);
                    }
                });
    }

    private static KeyState readKeyState(PreparedStatement select) throws SQLException {
        @Nullable PendingChange live = null;
        @Nullable PayloadHash marker = null;
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String changeType = rows.getString(1);
                PayloadHash hash = new PayloadHash(rows.getLong(2), rows.getLong(3));
                if (changeType == null) {
                    marker = hash;
                } else {
                    live = new PendingChange(ChangeType.valueOf(changeType), hash);
                }
            }
        }
        return new KeyState(live, marker);
    }

    /** {@inheritDoc} One query on PostgreSQL, one transaction of single-key queries on H2; one key is one lookup. */
    @Override
    public Map<String, PendingChange> newestLive(String webhookId, String destinationId,
                                                 Collection<String> integrationKeys) {
        Objects.requireNonNull(webhookId, "webhookId");
        Objects.requireNonNull(destinationId, "destinationId");
        List<String> keys = List.copyOf(integrationKeys);
        if (keys.isEmpty()) {
            return Map.of();
        }
        if (keys.size() == 1) {
            // a statement with scalar parameters, whose plan PostgreSQL caches; an array's is made anew each time
            String key = keys.get(0);
            PendingChange change = newestLive(webhookId, destinationId, key);
            return change == null ? Map.of() : Map.of(key, change);
        }
        if (setwise == null) {
            return store.inTransaction("find the newest live entries of keys", sql.table(), connection -> {
                Map<String, PendingChange> live = new HashMap<>();
                for (String key : keys) {
                    PendingChange change = newestLive(connection, webhookId, destinationId, key);
                    if (change != null) {
                        live.put(key, change);
                    }
                }
                return live;
            });
        }
        return store.inImplicitTransaction("find the newest live entries of keys", sql.table(), connection -> {
            Map<String, PendingChange> live = new HashMap<>();
            Object[] hashes = keys.stream()
                    .map(k -> OrderingKeys.hash(OutboxEntry.orderingKey(webhookId, destinationId, k))).toArray();
            try (PreparedStatement select = connection.prepareStatement(sql.newestLiveOfKeys())) {
                select.setArray(1, connection.createArrayOf("int8", hashes));
                select.setArray(2, connection.createArrayOf("text", keys.toArray()));
                select.setString(3, webhookId);
                select.setString(4, destinationId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        live.put(rows.getString(1), new PendingChange(ChangeType.valueOf(rows.getString(2)),
                                new PayloadHash(rows.getLong(3), rows.getLong(4))));
                    }
                }
            }
            return live;
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

    /** {@inheritDoc} One primary-key range read. */
    @Override
    public @Nullable Instant oldestLiveCreatedAt() {
        return store.inTransaction("find the oldest live entry", sql.table(),
                connection -> first(connection, sql.oldestLive()));
    }

    /** {@inheritDoc} Two index lookups (earliest pending head, earliest lease end); no scan of the backlog. */
    @Override
    public @Nullable Instant nextDueAt() {
        return store.inTransaction("find the next due entry", sql.table(), connection -> {
            Instant pending = first(connection, due.nextPendingDue());
            Instant leaseEnd = first(connection, due.nextLeaseEnd());
            return pending == null || (leaseEnd != null && leaseEnd.isBefore(pending)) ? leaseEnd : pending;
        });
    }

    private static @Nullable Instant first(Connection connection, String query) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(query);
             ResultSet row = select.executeQuery()) {
            return row.next() ? OutboxRows.getInstant(row, 1) : null;
        }
    }

    /** {@inheritDoc} One statement; it scans the destination's live entries. */
    @Override
    public int resume(String destinationId, Instant now) {
        Objects.requireNonNull(destinationId, "destinationId");
        Objects.requireNonNull(now, "now");
        return store.update("resume a destination", sql.table(), sql.resumeDestination(), statement -> {
            OutboxRows.setInstant(statement, 1, now);
            statement.setString(2, destinationId);
            OutboxRows.setInstant(statement, 3, now);
        });
    }

    /** The database and table prefix, for the stores kept next to the outbox. */
    JdbcStore store() {
        return store;
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
