package dev.ioflow.webhook.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioflow.core.PayloadHash;
import dev.ioflow.webhook.ChangeSource;
import dev.ioflow.webhook.ChangeType;
import dev.ioflow.webhook.internal.jdbc.OrderingKeys;
import dev.ioflow.webhook.spi.OutboxEntry;
import dev.ioflow.webhook.spi.Settlement;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * A deployment created by the first schema (0.1: no head flag, claim token, change source or lock stripes) with
 * changes queued in it: the outbox started on it with {@code createSchema(true)} adds what is missing, flags each
 * key's oldest live entry as its head, and delivers the old entries in order next to new ones; starting again
 * changes nothing.
 */
class SchemaUpgradeTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(1);

    abstract static class Contract {
        private final String prefix = TestDatabases.uniquePrefix();

        abstract DataSource dataSource();

        abstract String oldSchema();

        @BeforeEach
        void createTheOldSchemaWithQueuedChanges() throws SQLException, IOException {
            try (Connection connection = dataSource().getConnection();
                 Statement statement = connection.createStatement()) {
                for (String sql : read(oldSchema()).split(";")) {
                    String ddl = sql.lines().filter(line -> !line.strip().startsWith("--"))
                            .reduce("", (a, b) -> a + b + "\n").strip();
                    if (!ddl.isEmpty()) {
                        statement.execute(ddl.replace("ioflow_", prefix));
                    }
                }
                insertOld(connection, "k1", "first", "LIVE");
                insertOld(connection, "k1", "second", "LIVE");
                insertOld(connection, "k2", "only", "LIVE");
                insertOld(connection, "k3", "dead", "DEAD");
            }
        }

        @AfterEach
        void tearDown() {
            TestDatabases.dropTables(dataSource(), prefix);
        }

        @Test
        void theUpgradedOutboxDeliversTheOldEntriesInOrderAndAcceptsNewOnes() {
            JdbcOutbox outbox = start();
            outbox.append(List.of(entry("k4")));

            assertThat(payloads(outbox.claim(10, T0, LEASE, "w1"))).containsExactlyInAnyOrder("first", "only", "k4");
            assertThat(outbox.liveCount()).isEqualTo(4);
            assertThat(outbox.deadLetters(10)).extracting(OutboxEntry::source).containsExactly(ChangeSource.WEBHOOK);
        }

        @Test
        void theNextEntryOfAKeyFollowsOnceTheOldHeadIsDelivered() {
            JdbcOutbox outbox = start();
            OutboxEntry first = outbox.claim(1, T0, LEASE, "w1").get(0);
            assertThat(payloads(List.of(first))).containsExactly("first");
            assertThat(outbox.complete(first)).isTrue();

            assertThat(payloads(outbox.claim(10, T0, LEASE, "w1"))).containsExactlyInAnyOrder("second", "only");
        }

        @Test
        void startingAgainChangesNothing() {
            JdbcOutbox outbox = start();
            List<OutboxEntry> claimed = outbox.claim(10, T0, LEASE, "w1");
            JdbcOutbox again = start();

            assertThat(again.claim(10, T0, LEASE, "w2")).as("heads are claimed, the rest waits").isEmpty();
            assertThat(outbox.settle(claimed.stream().map(Settlement::completed).toList()))
                    .isEmpty();
            assertThat(payloads(again.claim(10, T0, LEASE, "w2"))).containsExactly("second");
        }

        private JdbcOutbox start() {
            return JdbcOutbox.builder().dataSource(dataSource()).tablePrefix(prefix).createSchema(true).build();
        }

        private void insertOld(Connection connection, String key, String payload, String status) throws SQLException {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + prefix + "outbox "
                    + "(message_id, webhook_id, integration_object, destination_id, integration_key, ordering_hash, "
                    + "change_type, payload, payload_hash_high, payload_hash_low, created_at, attempts, "
                    + "next_attempt_at, status) VALUES (?, 'wh', 'ioCustomer', 'crm', ?, ?, 'SAVED', ?, 1, 2, ?, 0, ?, ?)")) {
                OffsetDateTime at = OffsetDateTime.ofInstant(T0, ZoneOffset.UTC);
                insert.setString(1, "m-" + payload);
                insert.setString(2, key);
                insert.setLong(3, OrderingKeys.hash(OutboxEntry.orderingKey("wh", "crm", key)));
                insert.setBytes(4, payload.getBytes(StandardCharsets.UTF_8));
                insert.setObject(5, at);
                insert.setObject(6, at);
                insert.setString(7, status);
                insert.executeUpdate();
            }
        }

        private static OutboxEntry entry(String key) {
            return OutboxEntry.builder().messageId("m-" + key).webhookId("wh").integrationObject("ioCustomer")
                    .destinationId("crm").integrationKey(key).changeType(ChangeType.SAVED)
                    .payload(key.getBytes(StandardCharsets.UTF_8)).payloadHash(new PayloadHash(1, 2)).createdAt(T0)
                    .attempts(0).nextAttemptAt(T0).build();
        }

        private static List<String> payloads(List<OutboxEntry> entries) {
            return entries.stream().map(e -> new String(e.payload(), StandardCharsets.UTF_8)).toList();
        }

        private static String read(String resource) throws IOException {
            try (InputStream in = SchemaUpgradeTest.class.getResourceAsStream(resource)) {
                assertThat(in).as(resource).isNotNull();
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    @Nested
    class OnH2 extends Contract {
        private final DataSource dataSource = TestDatabases.h2InMemory();

        @Override
        DataSource dataSource() {
            return dataSource;
        }

        @Override
        String oldSchema() {
            return "schema-h2-0.1.sql";
        }
    }

    @Nested
    @EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
            disabledReason = TestDatabases.NO_POSTGRES)
    class OnPostgres extends Contract {
        private final DataSource dataSource = TestDatabases.postgres();

        @Override
        DataSource dataSource() {
            return dataSource;
        }

        @Override
        String oldSchema() {
            return "schema-postgresql-0.1.sql";
        }
    }
}
