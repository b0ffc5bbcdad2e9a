package dev.ioflow.webhook.internal.jdbc;

import dev.ioflow.webhook.jdbc.JdbcDialect;
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

    /**
     * PostgreSQL's lock statement, for a caller that sends it with other statements in one round trip; parameters
     * as {@link #bindPostgres} binds them.
     */
    public static final String POSTGRES_LOCK =
            "SELECT COUNT(pg_advisory_xact_lock(?, s)) FROM unnest(?::int4[]) WITH ORDINALITY AS t(s, n)";

    /** Locks the stripes of these ordering hashes, in ascending order, until the transaction ends. */
    public void lock(Connection connection, Collection<Long> orderingHashes) throws SQLException {
        int[] stripes = stripes(orderingHashes);
        if (stripes.length == 0) {
            return;
        }
        if (dialect == JdbcDialect.POSTGRESQL) {
            try (PreparedStatement lock = connection.prepareStatement(POSTGRES_LOCK)) {
                bindPostgres(connection, lock, 1, orderingHashes);
                lock.executeQuery().close();
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

    /** Binds {@link #POSTGRES_LOCK}'s two parameters from {@code from}: this table's lock class, the stripes. */
    public void bindPostgres(Connection connection, PreparedStatement statement, int from,
                             Collection<Long> orderingHashes) throws SQLException {
        statement.setInt(from, space);
        statement.setArray(from + 1, connection.createArrayOf("int4",
                Arrays.stream(stripes(orderingHashes)).boxed().toArray()));
    }

    private static int[] stripes(Collection<Long> orderingHashes) {
        return orderingHashes.stream().mapToInt(KeyLocks::stripe).sorted().distinct().toArray();
    }

    private static int stripe(long orderingHash) {
        return (int) Math.floorMod(orderingHash, (long) STRIPES);
    }
}
