package dev.ioflow.webhook.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ioflow.core.PayloadHash;
import dev.ioflow.webhook.ChangeType;
import dev.ioflow.webhook.OutboxStoreException;
import dev.ioflow.webhook.memory.InMemoryVersionMarkerStore;
import dev.ioflow.webhook.spi.KeyState;
import dev.ioflow.webhook.spi.MarkerKey;
import dev.ioflow.webhook.spi.OutboxEntry;
import dev.ioflow.webhook.spi.PendingChange;
import dev.ioflow.webhook.spi.Settlement;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The JDBC outbox and marker store together, as delivery and delta detection use them. A worker pass's settlements
 * and the version markers of its deliveries are one transaction when both share a database: a marker moves only with
 * its entry's completion, never for a stale claim, and a failing marker write leaves the entries claimed (nothing
 * applied). A chunk of saves reads several keys at once: each key's newest live entry (in flight or pending, not
 * dead letters, not other webhooks' or destinations'), and the markers that exist; one save reads its key's newest
 * live entry and marker in one query.
 */
class OutboxWithMarkersTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(1);

    abstract static class Contract {
        private final String prefix = TestDatabases.uniquePrefix();
        private JdbcOutbox outbox;
        private JdbcVersionMarkerStore markers;

        abstract DataSource dataSource();

        @BeforeEach
        void setUp() {
            outbox = JdbcOutbox.builder().dataSource(dataSource()).tablePrefix(prefix).createSchema(true).build();
            markers = JdbcVersionMarkerStore.builder().dataSource(dataSource()).tablePrefix(prefix).build();
        }

        @AfterEach
        void tearDown() {
            TestDatabases.dropTables(dataSource(), prefix);
        }

        @Test
        void aStaleClaimMovesNoMarkerWhileTheOthersOfThePassDo() {
            outbox.append(List.of(entry("k2", ChangeType.SAVED, 2)));
            OutboxEntry shortLease = outbox.claim(1, T0, Duration.ofSeconds(1), "w1").get(0);
            outbox.append(List.of(entry("k1", ChangeType.SAVED, 1), entry("k3", ChangeType.DELETED, 3)));
            markers.put(key("k3"), new PayloadHash(9, 9));
            List<OutboxEntry> claimed = new ArrayList<>(outbox.claim(10, T0, LEASE, "w1"));
            claimed.add(shortLease);
            // k2's lease ran out and another worker took it
            assertThat(outbox.claim(10, T0.plusSeconds(2), LEASE, "w2")).hasSize(1);

            List<Settlement> refused = outbox.settle(claimed.stream().map(Settlement::completed).toList(), markers,
                    T0.plus(LEASE));

            assertThat(refused).extracting(s -> s.entry().integrationKey()).containsExactly("k2");
            assertThat(markers.get(key("k1"))).isEqualTo(new PayloadHash(1, 0));
            assertThat(markers.get(key("k2"))).isNull();
            assertThat(markers.get(key("k3"))).isNull();
            assertThat(outbox.liveCount()).isEqualTo(1);
        }

        @Test
        void aFailingMarkerWriteRollsTheSettlementsBack() throws SQLException {
            outbox.append(List.of(entry("k1", ChangeType.SAVED, 1)));
            List<OutboxEntry> claimed = outbox.claim(10, T0, LEASE, "w1");
            try (Connection connection = dataSource().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE " + prefix + "version_marker");
            }

            assertThatThrownBy(() -> outbox.settle(List.of(Settlement.completed(claimed.get(0))), markers,
                    T0.plus(LEASE))).isInstanceOf(OutboxStoreException.class);

            assertThat(outbox.liveCount()).isEqualTo(1);
            assertThat(outbox.complete(claimed.get(0))).as("the claim still holds").isTrue();
        }

        @Test
        void newestLiveEntriesOfSeveralKeys() {
            outbox.append(List.of(entry("wh", "crm", "k1", ChangeType.SAVED, 1)));
            outbox.claim(10, T0, Duration.ofMinutes(1), "w1");
            outbox.append(List.of(entry("wh", "crm", "k1", ChangeType.SAVED, 2),
                    entry("wh", "crm", "k2", ChangeType.DELETED, 3), entry("other", "crm", "k3", ChangeType.SAVED, 4),
                    entry("wh", "erp", "k4", ChangeType.SAVED, 5), entry("wh", "crm", "k5", ChangeType.SAVED, 6)));
            OutboxEntry dead = outbox.claim(10, T0, Duration.ofMinutes(1), "w1").stream()
                    .filter(e -> e.integrationKey().equals("k5")).findFirst().orElseThrow();
            outbox.deadLetter(dead, 1, "gone");

            Map<String, PendingChange> live = outbox.newestLive("wh", "crm", List.of("k1", "k2", "k3", "k4", "k5"));

            assertThat(live).containsOnly(
                    Map.entry("k1", new PendingChange(ChangeType.SAVED, new PayloadHash(2, 0))),
                    Map.entry("k2", new PendingChange(ChangeType.DELETED, new PayloadHash(3, 0))));
            assertThat(outbox.newestLive("wh", "crm", List.of())).isEmpty();
        }

        @Test
        void markersOfSeveralKeys() {
            MarkerKey k1 = new MarkerKey("ioCustomer", "crm", "k1");
            MarkerKey k2 = new MarkerKey("ioCustomer", "crm", "k2");
            MarkerKey elsewhere = new MarkerKey("ioCustomer", "erp", "k1");
            markers.put(k1, new PayloadHash(1, 1));
            markers.put(elsewhere, new PayloadHash(2, 2));

            assertThat(markers.getAll(List.of(k1, k2))).containsOnly(Map.entry(k1, new PayloadHash(1, 1)));
            assertThat(markers.getAll(List.of())).isEmpty();
        }

        @Test
        void oneKeysNewestLiveEntryAndMarkerInOneRead() {
            outbox.append(List.of(entry("k1", ChangeType.SAVED, 1), entry("k1", ChangeType.DELETED, 2),
                    entry("k2", ChangeType.SAVED, 3), entry("other", "crm", "k4", ChangeType.SAVED, 4)));
            markers.put(key("k1"), new PayloadHash(7, 7));
            markers.put(key("k3"), new PayloadHash(8, 8));
            markers.put(new MarkerKey("ioCustomer", "erp", "k2"), new PayloadHash(9, 9));

            assertThat(outbox.keyState("wh", key("k1"), markers)).isEqualTo(new KeyState(
                    new PendingChange(ChangeType.DELETED, new PayloadHash(2, 0)), new PayloadHash(7, 7)));
            assertThat(outbox.keyState("wh", key("k2"), markers)).isEqualTo(new KeyState(
                    new PendingChange(ChangeType.SAVED, new PayloadHash(3, 0)), null));
            assertThat(outbox.keyState("wh", key("k3"), markers)).isEqualTo(new KeyState(null,
                    new PayloadHash(8, 8)));
            assertThat(outbox.keyState("wh", key("k4"), markers)).isEqualTo(new KeyState(null, null));
        }

        @Test
        void aMarkerStoreElsewhereIsAskedSeparately() {
            outbox.append(List.of(entry("k1", ChangeType.SAVED, 1)));
            InMemoryVersionMarkerStore elsewhere = new InMemoryVersionMarkerStore();
            elsewhere.put(key("k1"), new PayloadHash(5, 5));

            assertThat(outbox.keyState("wh", key("k1"), elsewhere)).isEqualTo(new KeyState(
                    new PendingChange(ChangeType.SAVED, new PayloadHash(1, 0)), new PayloadHash(5, 5)));
        }

        private static MarkerKey key(String integrationKey) {
            return new MarkerKey("ioCustomer", "crm", integrationKey);
        }

        private static OutboxEntry entry(String key, ChangeType type, long hash) {
            return entry("wh", "crm", key, type, hash);
        }

        private static OutboxEntry entry(String webhook, String destination, String key, ChangeType type, long hash) {
            return OutboxEntry.builder().messageId("m-" + webhook + destination + key + hash).webhookId(webhook)
                    .integrationObject("ioCustomer").destinationId(destination).integrationKey(key).changeType(type)
                    .payload(key.getBytes(StandardCharsets.UTF_8)).payloadHash(new PayloadHash(hash, 0))
                    .createdAt(T0).attempts(0).nextAttemptAt(T0).build();
        }
    }

    @Nested
    class OnH2 extends Contract {
        private final DataSource dataSource = TestDatabases.h2InMemory();

        @Override
        DataSource dataSource() {
            return dataSource;
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
    }
}
