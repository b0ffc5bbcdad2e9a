package dev.ioflow.webhook.internal.jdbc;

import dev.ioflow.webhook.internal.ContextHeaders;
import dev.ioflow.webhook.ChangeType;
import dev.ioflow.webhook.spi.OutboxEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * PostgreSQL's set-wise outbox statements: a chunk of appends is one {@code DELETE} and one {@code INSERT … SELECT
 * FROM unnest(…)} whatever its size, a claim is one {@code UPDATE … RETURNING}, and the completions of a worker pass
 * are one {@code DELETE} and one {@code UPDATE} of the next heads, so that the cost of a chunk is a few round trips
 * and one commit rather than statements per entry. Arrays are bound with {@link Connection#createArrayOf}; instants
 * travel as ISO-8601 text (exact to the microsecond).
 *
 * @param sql the outbox table's statements
 */
public record SetwiseStatements(OutboxSql sql) implements DueEntries {

    /**
     * Locks the keys of a coalesced chunk, deletes the pending entries it replaces and inserts it: three statements
     * sent together in one round trip (in auto-commit mode, one implicit transaction that the round trip commits;
     * see {@link JdbcStore#inImplicitTransaction}).
     *
     * @param survivors   the entries to insert, in order (at most one replacement decision per key was made)
     * @param firstPerKey each key's first surviving entry, which decides what pending entries it replaces
     */
    public void append(Connection connection, KeyLocks locks, List<OutboxEntry> survivors,
                       Collection<OutboxEntry> firstPerKey) throws SQLException {
        try (PreparedStatement all = connection.prepareStatement(KeyLocks.POSTGRES_LOCK + ";\n"
                + sql.deletePendingOfKeys() + ";\n" + sql.insertAll())) {
            locks.bindPostgres(connection, all, 1, firstPerKey.stream().map(OrderingKeys::hash).toList());
            bindArrays(connection, all, 3, new String[] {"int8", "text", "text", "text", "bool"},
                    keyColumns(firstPerKey));
            bindArrays(connection, all, 8, INSERT_TYPES, insertColumns(survivors));
            all.execute();
            while (all.getMoreResults() || all.getUpdateCount() != -1) {
                // consume the delete's and the insert's update counts
            }
        }
    }

    private static final String[] INSERT_TYPES = {"text", "text", "text", "text", "text", "int8", "text", "bytea",
        "int8", "int8", "text", "int4", "text", "text", "text", "text", "bool"};

    private static Object[][] insertColumns(List<OutboxEntry> survivors) {
        int n = survivors.size();
        Object[][] columns = new Object[INSERT_TYPES.length][];
        columns[7] = new byte[n][];
        for (int c = 0; c < columns.length; c++) {
            if (c != 7) {
                columns[c] = new Object[n];
            }
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < n; i++) {
            OutboxEntry e = survivors.get(i);
            columns[0][i] = e.messageId();
            columns[1][i] = e.webhookId();
            columns[2][i] = e.integrationObject();
            columns[3][i] = e.destinationId();
            columns[4][i] = e.integrationKey();
            columns[5][i] = OrderingKeys.hash(e);
            columns[6][i] = e.changeType().name();
            columns[7][i] = e.payload();
            columns[8][i] = e.payloadHash().high();
            columns[9][i] = e.payloadHash().low();
            columns[10][i] = text(e.createdAt());
            columns[11][i] = e.attempts();
            columns[12][i] = text(e.nextAttemptAt());
            columns[13][i] = e.lastError();
            columns[14][i] = e.source().name();
            columns[15][i] = ContextHeaders.encode(e.context());
            columns[16][i] = seen.add(e.orderingKey());
        }
        return columns;
    }

    private static Object[][] keyColumns(Collection<OutboxEntry> firstPerKey) {
        int n = firstPerKey.size();
        Object[][] columns = {new Object[n], new Object[n], new Object[n], new Object[n], new Object[n]};
        int i = 0;
        for (OutboxEntry e : firstPerKey) {
            columns[0][i] = OrderingKeys.hash(e);
            columns[1][i] = e.webhookId();
            columns[2][i] = e.destinationId();
            columns[3][i] = e.integrationKey();
            columns[4][i] = e.changeType() == ChangeType.DELETED;
            i++;
        }
        return columns;
    }

    /**
     * Deletes the delivered entries whose claim still holds and makes the oldest remaining live entry of each of
     * their keys its head: two statements sent together in one round trip, in the caller's transaction, which holds
     * the keys' locks. A key whose entry was not deleted keeps its head (the promotion changes nothing there).
     *
     * @return the ids of the entries deleted
     */
    public Set<Long> complete(Connection connection, List<OutboxEntry> delivered) throws SQLException {
        int n = delivered.size();
        Object[][] claims = {new Object[n], new Object[n], new Object[n]};
        Object[][] keys = {new Object[n], new Object[n], new Object[n], new Object[n]};
        for (int i = 0; i < n; i++) {
            OutboxEntry e = delivered.get(i);
            claims[0][i] = e.id();
            claims[1][i] = e.claimedBy();
            claims[2][i] = e.claimToken();
            keys[0][i] = OrderingKeys.hash(e);
            keys[1][i] = e.webhookId();
            keys[2][i] = e.destinationId();
            keys[3][i] = e.integrationKey();
        }
        Set<Long> deleted = new HashSet<>();
        try (PreparedStatement both = connection.prepareStatement(sql.completeAll() + ";\n" + sql.promoteHeads())) {
            bindArrays(connection, both, 1, new String[] {"int8", "text", "int8"}, claims);
            bindArrays(connection, both, 4, new String[] {"int8", "text", "text", "text"}, keys);
            both.execute();
            try (ResultSet ids = both.getResultSet()) {
                while (ids.next()) {
                    deleted.add(ids.getLong(1));
                }
            }
            while (both.getMoreResults() || both.getUpdateCount() != -1) {
                // consume the promotion's update count
            }
        }
        return deleted;
    }

    /** Claims up to {@code max} entries (see {@link OutboxSql#claimDue()}), in claim order. */
    @Override
    public List<OutboxEntry> claim(Connection connection, int max, Instant now, Duration lease, String owner,
                                   long token) throws SQLException {
        record Ranked(long rank, OutboxEntry entry) {
        }
        List<Ranked> ranked = new ArrayList<>(max);
        try (PreparedStatement claim = connection.prepareStatement(sql.claimDue())) {
            OutboxRows.setInstant(claim, 1, now);
            claim.setInt(2, max);
            OutboxRows.setInstant(claim, 3, now);
            claim.setInt(4, max);
            claim.setInt(5, max);
            claim.setString(6, owner);
            claim.setLong(7, token);
            OutboxRows.setInstant(claim, 8, now.plus(lease));
            try (ResultSet rows = claim.executeQuery()) {
                while (rows.next()) {
                    OutboxEntry entry = OutboxRows.read(rows).newBuilder().claim(owner, token).build();
                    ranked.add(new Ranked(rows.getLong(18), entry));
                }
            }
        }
        ranked.sort(Comparator.comparingLong(Ranked::rank));
        return ranked.stream().map(Ranked::entry).toList();
    }

    @Override
    public String nextPendingDue() {
        return sql.nextPendingDue();
    }

    @Override
    public String nextLeaseEnd() {
        return sql.nextLeaseEnd();
    }

    /**
     * Binds one array per column from parameter {@code from} on, column {@code c} as an array of {@code types[c]}
     * (a PostgreSQL type name such as {@code text} or {@code int8}).
     */
    public static void bindArrays(Connection connection, PreparedStatement statement, int from, String[] types,
                                  Object[][] columns) throws SQLException {
        for (int c = 0; c < columns.length; c++) {
            statement.setArray(from + c, connection.createArrayOf(types[c], columns[c]));
        }
    }

    /** An instant as the ISO-8601 text PostgreSQL reads as {@code timestamptz}, exact to the microsecond. */
    public static String text(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).toString();
    }
}
