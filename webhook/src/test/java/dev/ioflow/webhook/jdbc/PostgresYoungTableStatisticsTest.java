package dev.ioflow.webhook.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioflow.core.PayloadHash;
import dev.ioflow.webhook.ChangeType;
import dev.ioflow.webhook.spi.OutboxEntry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * A new PostgreSQL outbox table has no planner statistics until autovacuum analyzes it (a minute or more, never with
 * autovacuum off), and its key lookups run on an empty table's plans meanwhile. The outbox analyzes its young table
 * itself as it grows. Autovacuum is off for the tables here, so that only the outbox can have analyzed them.
 */
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
        disabledReason = TestDatabases.NO_POSTGRES)
class PostgresYoungTableStatisticsTest extends PostgresOutboxTestBase {
    @Test
    void aGrowingNewTableIsAnalyzedAndItsKeyLookupsUseTheIndex() throws Exception {
        execute("ALTER TABLE " + prefix + "outbox SET (autovacuum_enabled = false)");
        assertThat(plannedRows()).isNegative(); // never analyzed

        for (int chunk = 0; chunk < 3; chunk++) {
            outbox.append(entries(chunk * 1_000, 1_000));
        }

        assertThat(awaitPlannedRows(1_000)).isGreaterThanOrEqualTo(1_000);
        assertThat(plan("SELECT change_type FROM " + prefix + "outbox WHERE ordering_hash = 42 "
                + "AND webhook_id = 'wh' AND destination_id = 'crm' AND integration_key = 'c42' AND status = 'LIVE'"))
                .contains("Index Scan").doesNotContain("Seq Scan");
    }

    @Test
    void entriesAppendedInTheCallersTransactionCountToo() throws Exception {
        execute("ALTER TABLE " + prefix + "outbox SET (autovacuum_enabled = false)");

        for (int chunk = 0; chunk < 3; chunk++) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                outbox.append(entries(chunk * 1_000, 1_000), connection);
                connection.commit();
            }
        }

        assertThat(awaitPlannedRows(1_000)).isGreaterThanOrEqualTo(1_000);
    }

    private static List<OutboxEntry> entries(int from, int count) {
        List<OutboxEntry> entries = new ArrayList<>(count);
        IntStream.range(from, from + count).forEach(i -> entries.add(OutboxEntry.builder().messageId("m-" + i)
                .webhookId("wh").integrationObject("ioCustomer").destinationId("crm").integrationKey("c" + i)
                .changeType(ChangeType.SAVED).payload(("{\"customerID\":\"c" + i + "\"}")
                        .getBytes(StandardCharsets.UTF_8))
                .payloadHash(new PayloadHash(i, i)).createdAt(Instant.parse("2026-01-01T00:00:00Z")).build()));
        return entries;
    }

    /** Waits up to 10 s (the analysis runs in the background) for the statistics to count {@code rows}. */
    private double awaitPlannedRows(long rows) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        double planned = plannedRows();
        while (planned < rows && System.nanoTime() < deadline) {
            Thread.sleep(20);
            planned = plannedRows();
        }
        return planned;
    }

    private double plannedRows() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT reltuples FROM pg_class WHERE oid = to_regclass(?)")) {
            select.setString(1, prefix + "outbox");
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getDouble(1);
            }
        }
    }

    private String plan(String query) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Connection connection = dataSource.getConnection();
             Statement explain = connection.createStatement();
             ResultSet rows = explain.executeQuery("EXPLAIN " + query)) {
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    private void execute(String statement) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }
}
