package dev.ioflow.webhook.internal.jdbc;

import dev.ioflow.webhook.spi.OutboxEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Due entries on H2, which differs from PostgreSQL in three ways that made claims cost, and write, in proportion
 * to the backlog (EXPLAIN ANALYZE on H2 2.4 with 10,000 due heads: {@code scanCount: 10001}):
 * <ul>
 *   <li>{@code SELECT … ORDER BY … LIMIT n FOR UPDATE [SKIP LOCKED]} locks every row the query matches, not only
 *       the {@code n} it returns. A claim of 64 locked the whole backlog: other workers' claims found nothing, and
 *       with {@code WRITE_DELAY=0} each claim wrote a lock mark into every row, a new copy of the whole table in
 *       the file per claim. Here the candidates are read without a lock and then locked one by one through the
 *       primary key, re-checked, skipping those another transaction holds.</li>
 *   <li>An index serves an {@code ORDER BY} only when it starts with exactly the ordered columns, so the order
 *       names the leading {@code head} column that the condition fixes (the scan stops after {@code n} rows).</li>
 *   <li>NULLs come first in an index and a range {@code lease_until <= ?} starts at the beginning, so it walked
 *       past every unclaimed entry; a lower bound starts it at the first lease.</li>
 * </ul>
 *
 * @param sql the outbox table's statements
 */
public record H2DueEntries(OutboxSql sql) implements DueEntries {

    /** Candidates read per claimed entry: more than one, so that workers claiming together pass each other. */
    private static final int CANDIDATES_PER_ENTRY = 4;

    /** Below any lease: makes the lease index range start after the NULLs. */
    private static final String NO_LEASE_BELOW = "TIMESTAMP WITH TIME ZONE '-999999999-01-01 00:00:00Z'";

    @Override
    public List<OutboxEntry> claim(Connection connection, int max, Instant now, Duration lease, String owner,
                                   long token) throws SQLException {
        List<OutboxEntry> locked = lock(connection, now, max);
        List<OutboxEntry> claimed = new ArrayList<>(locked.size());
        if (locked.isEmpty()) {
            return claimed;
        }
        try (PreparedStatement update = connection.prepareStatement(sql.claim())) {
            for (OutboxEntry entry : locked) {
                update.setString(1, owner);
                update.setLong(2, token);
                OutboxRows.setInstant(update, 3, now.plus(lease));
                update.setLong(4, entry.id());
                update.addBatch();
                claimed.add(entry.newBuilder().claim(owner, token).build());
            }
            update.executeBatch();
        }
        return claimed;
    }

    /** Selects and locks the candidates, reading them without a lock first and locking them one by one by id. */
    private List<OutboxEntry> lock(Connection connection, Instant now, int max) throws SQLException {
        String table = sql.table();
        List<Long> candidates = ids(connection, "SELECT id FROM " + table + " WHERE lease_until > " + NO_LEASE_BELOW
                + " AND lease_until <= ? ORDER BY lease_until LIMIT ?", now, max * CANDIDATES_PER_ENTRY);
        candidates.addAll(ids(connection, "SELECT id FROM " + table + " WHERE head = TRUE AND claimed_by IS NULL "
                + "AND next_attempt_at <= ? ORDER BY head, next_attempt_at, id LIMIT ?", now,
                max * CANDIDATES_PER_ENTRY));
        List<OutboxEntry> locked = new ArrayList<>(max);
        try (PreparedStatement lock = connection.prepareStatement("SELECT id, " + OutboxSql.COLUMNS + " FROM "
                + table + " WHERE id = ? AND (lease_until <= ? OR (head = TRUE AND claimed_by IS NULL "
                + "AND next_attempt_at <= ?)) FOR UPDATE SKIP LOCKED")) {
            for (int i = 0; i < candidates.size() && locked.size() < max; i++) {
                lock.setLong(1, candidates.get(i));
                OutboxRows.setInstant(lock, 2, now);
                OutboxRows.setInstant(lock, 3, now);
                try (ResultSet row = lock.executeQuery()) {
                    if (row.next()) {
                        locked.add(OutboxRows.read(row));
                    }
                }
            }
        }
        return locked;
    }

    private static List<Long> ids(Connection connection, String query, Instant now, int max) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(query)) {
            OutboxRows.setInstant(select, 1, now);
            select.setInt(2, max);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }

    @Override
    public String nextPendingDue() {
        return "SELECT next_attempt_at FROM " + sql.table() + " WHERE head = TRUE AND claimed_by IS NULL "
                + "ORDER BY head, next_attempt_at LIMIT 1";
    }

    @Override
    public String nextLeaseEnd() {
        return "SELECT lease_until FROM " + sql.table() + " WHERE lease_until > " + NO_LEASE_BELOW
                + " ORDER BY lease_until LIMIT 1";
    }
}
