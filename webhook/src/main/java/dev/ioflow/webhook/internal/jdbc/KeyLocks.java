package dev.ioflow.webhook.internal.jdbc;

import dev.ioflow.webhook.jdbc.JdbcDialect;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;

/**
 * Transaction-scoped locks on ordering keys, taken before anything that changes which entry is a key's head
 * (append, completion, dead-lettering, replay), so that two transactions never both decide to be, or to leave,
 * a key's head. Keys map onto 1,024 stripes (a collision only serializes two keys); stripes are locked in ascending
 * order, so that two transactions cannot deadlock on them. PostgreSQL uses advisory locks (nothing is written);
 * H2 locks rows of the {@code <prefix>outbox_lock} table. Held until the transaction ends, the caller's included.
 *
 * @param dialect   the database's dialect
 * @param lockTable the H2 stripe table
 * @param space     the advisory lock class of this outbox table (PostgreSQL)
 */
public record KeyLocks(JdbcDialect dialect, String lockTable, int space) {

    /** The number of stripes the keys map onto. */
    public static final int STRIPES = 1024;

    /** The locks of one outbox table. */
    public static KeyLocks of(JdbcDialect dialect, String outboxTable) {
        return new KeyLocks(dialect, outboxTable + "_lock", ("ioflow outbox " + outboxTable).hashCode());
    }

    /** Locks the stripes of these ordering hashes, in ascending order, until the transaction ends. */
    public void lock(Connection connection, Collection<Long> orderingHashes) throws SQLException {
        int[] stripes = orderingHashes.stream().mapToInt(KeyLocks::stripe).sorted().distinct().toArray();
        if (stripes.length == 0) {
            return;
        }
        if (dialect == JdbcDialect.POSTGRESQL) {
            Array array = connection.createArrayOf("int4", Arrays.stream(stripes).boxed().toArray());
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT COUNT(pg_advisory_xact_lock(?, s)) FROM unnest(?) WITH ORDINALITY AS t(s, n)")) {
                lock.setInt(1, space);
                lock.setArray(2, array);
                lock.executeQuery().close();
            } finally {
                array.free();
            }
            return;
        }
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT stripe FROM " + lockTable + " WHERE stripe = ? FOR UPDATE")) {
            for (int stripe : stripes) {
                lock.setInt(1, stripe);
                try (ResultSet row = lock.executeQuery()) {
                    if (!row.next()) {
                        throw new SQLException("lock stripe " + stripe + " is missing from " + lockTable
                                + ": apply the ioflow schema script again");
                    }
                }
            }
        }
    }

    private static int stripe(long orderingHash) {
        return (int) Math.floorMod(orderingHash, (long) STRIPES);
    }
}
