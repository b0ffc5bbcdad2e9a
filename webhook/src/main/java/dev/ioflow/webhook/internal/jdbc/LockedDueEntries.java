package dev.ioflow.webhook.internal.jdbc;

import dev.ioflow.webhook.spi.OutboxEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Due entries through {@code SELECT … LIMIT n FOR UPDATE SKIP LOCKED} over PostgreSQL's partial indexes, which
 * lock exactly the rows returned.
 *
 * @param sql the outbox's statements
 */
record LockedDueEntries(OutboxSql sql) implements DueEntries {

    @Override
    public List<OutboxEntry> lock(Connection connection, Instant now, int max) throws SQLException {
        List<OutboxEntry> candidates = select(connection, sql.selectExpiredClaims(), now, max);
        if (candidates.size() < max) {
            candidates.addAll(select(connection, sql.selectDueHeads(), now, max - candidates.size()));
        }
        return candidates;
    }

    private static List<OutboxEntry> select(Connection connection, String query, Instant now, int max)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(query)) {
            OutboxRows.setInstant(select, 1, now);
            select.setInt(2, max);
            return OutboxRows.readAll(select);
        }
    }

    @Override
    public String nextPendingDue() {
        return sql.nextPendingDue();
    }

    @Override
    public String nextLeaseEnd() {
        return sql.nextLeaseEnd();
    }
}
