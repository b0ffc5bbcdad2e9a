package dev.ioflow.webhook.internal.jdbc;

import dev.ioflow.webhook.jdbc.JdbcDialect;
import dev.ioflow.webhook.spi.OutboxEntry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * How a claim finds and locks the entries due for delivery (claims whose lease ended, then due heads), and how
 * the workers learn when the next one is due, in the dialect's way: both must cost the same with a thousand or a
 * million entries waiting.
 */
public interface DueEntries {

    /** The way of this dialect over one outbox table. */
    static DueEntries of(JdbcDialect dialect, OutboxSql sql) {
        return dialect == JdbcDialect.H2 ? new H2DueEntries(sql.table()) : new LockedDueEntries(sql);
    }

    /**
     * Selects and locks, in this transaction, up to {@code max} entries that may be claimed at {@code now}: claims
     * whose lease ended first, then unclaimed heads by due time. Entries other transactions hold are skipped.
     */
    List<OutboxEntry> lock(Connection connection, Instant now, int max) throws SQLException;

    /** A query for when the earliest pending head is due (no row when none). */
    String nextPendingDue();

    /** A query for when the earliest lease ends (no row when nothing is claimed). */
    String nextLeaseEnd();
}
