package dev.ioflow.webhook.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioflow.core.PayloadHash;
import dev.ioflow.webhook.ChangeType;
import dev.ioflow.webhook.spi.OutboxEntry;
import dev.ioflow.webhook.spi.Settlement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An H2 file outbox with the URL options the README recommends stays small under many small commits, and opens
 * again after the process stopped abruptly. With {@code ;WRITE_DELAY=0} alone, the 5,000 changes here left a file
 * many times the bound (every commit a new chunk, none freed while the database is open).
 */
class H2FileSizeTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final int CHANGES = 5_000;
    private static final long BOUND = 16L * 1024 * 1024;

    @TempDir
    Path directory;

    @Test
    void fiveThousandDeliveredChangesLeaveASmallFile() throws Exception {
        DataSource database = TestDatabases.h2(url());
        JdbcOutbox outbox = JdbcOutbox.builder().dataSource(database).createSchema(true).build();
        deliver(outbox, CHANGES);

        assertThat(outbox.liveCount()).isZero();
        assertThat(Files.size(directory.resolve("outbox.mv.db"))).as("file size while open").isLessThan(BOUND);
        stopAbruptly(database);
    }

    @Test
    void anOutboxStoppedAbruptlyOpensAgainWithItsEntries() throws Exception {
        DataSource database = TestDatabases.h2(url());
        JdbcOutbox outbox = JdbcOutbox.builder().dataSource(database).createSchema(true).build();
        deliver(outbox, 500);
        outbox.append(batch(500, 20));
        outbox.claim(16, T0, LEASE, "stopped");
        stopAbruptly(database);

        DataSource reopened = TestDatabases.h2(url());
        JdbcOutbox restarted = JdbcOutbox.builder().dataSource(reopened).createSchema(true).build();

        assertThat(restarted.liveCount()).as("the entries committed before the stop").isEqualTo(20);
        assertThat(restarted.claim(64, T0.plus(LEASE), LEASE, "restarted")).hasSize(20);
        stopAbruptly(reopened);
    }

    /** The recommended options; the database stays open between connections until it is shut down. */
    private String url() {
        return "jdbc:h2:file:" + directory.resolve("outbox").toAbsolutePath() + TestDatabases.H2_FILE_OPTIONS
                + ";DB_CLOSE_DELAY=-1";
    }

    /**
     * Closes the database in the middle of a transaction without writing anything further, as when the process is
     * killed.
     */
    private static void stopAbruptly(DataSource database) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.executeUpdate("DELETE FROM ioflow_outbox");
            statement.execute("SHUTDOWN IMMEDIATELY");
        }
    }

    /** Appends in small commits and delivers in passes of 16, as the workers do. */
    private static void deliver(JdbcOutbox outbox, int changes) {
        for (int from = 0; from < changes; from += 10) {
            outbox.append(batch(from, 10));
        }
        List<OutboxEntry> claimed;
        while (!(claimed = outbox.claim(16, T0, LEASE, "worker")).isEmpty()) {
            outbox.settle(claimed.stream().map(Settlement::completed).toList());
        }
    }

    private static List<OutboxEntry> batch(int from, int size) {
        List<OutboxEntry> entries = new ArrayList<>(size);
        for (int i = from; i < from + size; i++) {
            byte[] payload = ("{\"customerID\":\"c-" + i + "\",\"name\":\"a customer with a name of some length\"}")
                    .getBytes(StandardCharsets.UTF_8);
            entries.add(OutboxEntry.builder().messageId("m-" + i).webhookId("wh").integrationObject("ioCustomer")
                    .destinationId("crm").integrationKey("c-" + i).changeType(ChangeType.SAVED).payload(payload)
                    .payloadHash(new PayloadHash(i, 1)).createdAt(T0).build());
        }
        return entries;
    }

}
