package dev.ioflow.webhook.internal.jdbc;

import dev.ioflow.webhook.spi.OutboxEntry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How a claim finds, locks and claims the entries due for delivery (claims whose lease ended, then due heads), and
 * how the workers learn when the next one is due, in the dialect's way: both must cost the same with a thousand or
 * a million entries waiting. PostgreSQL: {@link SetwiseStatements}; H2: {@link H2DueEntries}.
 */
public interface DueEntries {

    /**
     * Claims, in this transaction, up to {@code max} entries that may be claimed at {@code now} for {@code owner}
     * with {@code token} until {@code now + lease}: claims whose lease ended first, then unclaimed heads by due time.
     * Entries other transactions hold are skipped. Returns them, with their claim, in claim order.
     */
    List<OutboxEntry> claim(Connection connection, int max, Instant now, Duration lease, String owner, long token)
            throws SQLException;

    /** A query for when the earliest pending head is due (no row when none). */
    String nextPendingDue();

    /** A query for when the earliest lease ends (no row when nothing is claimed). */
    String nextLeaseEnd();
}
