package dev.ioflow.webhook.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioflow.core.PayloadHash;
import dev.ioflow.webhook.ChangeType;
import dev.ioflow.webhook.jdbc.JdbcOutbox;
import dev.ioflow.webhook.jdbc.JdbcVersionMarkerStore;
import dev.ioflow.webhook.spi.MarkerKey;
import dev.ioflow.webhook.spi.OutboxEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What one run of the application commits to a file-based H2 database, the next run finds: the database is
 * closed between the runs (H2 closes a file database with its last connection).
 */
class H2FileDurabilityTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(30);

    @TempDir
    Path directory;

    @Test
    void anAppendedChangeSurvivesARestart() {
        OutboxEntry change = entry();
        outbox().append(List.of(change));

        List<OutboxEntry> afterRestart = outbox().claim(10, T0, LEASE, "second-run");

        assertThat(afterRestart).singleElement().satisfies(e -> {
            assertThat(e.messageId()).isEqualTo(change.messageId());
            assertThat(e.payload()).isEqualTo(change.payload());
        });
    }

    @Test
    void aChangeClaimedByAProcessThatDiedIsRedeliveredWithTheSameMessageIdAfterItsLease() {
        outbox().append(List.of(entry()));
        OutboxEntry inFlight = outbox().claim(10, T0, LEASE, "first-run").get(0);

        JdbcOutbox restarted = outbox();

        assertThat(restarted.claim(10, T0.plusSeconds(1), LEASE, "second-run")).isEmpty();
        assertThat(restarted.claim(10, T0.plus(LEASE), LEASE, "second-run")).singleElement()
                .satisfies(e -> assertThat(e.messageId()).isEqualTo(inFlight.messageId()));
    }

    @Test
    void versionMarkersSurviveARestart() {
        MarkerKey key = new MarkerKey("ioCustomer", "crm", "c-1");
        markers().put(key, new PayloadHash(-5, 7));

        assertThat(markers().get(key)).isEqualTo(new PayloadHash(-5, 7));
    }

    private JdbcOutbox outbox() {
        return JdbcOutbox.builder().dataSource(TestDatabases.h2File(directory.resolve("outbox"))).createSchema(true)
                .build();
    }

    private JdbcVersionMarkerStore markers() {
        return JdbcVersionMarkerStore.builder().dataSource(TestDatabases.h2File(directory.resolve("outbox")))
                .createSchema(true).build();
    }

    private static OutboxEntry entry() {
        return OutboxEntry.builder().messageId("msg-durable").webhookId("wh").integrationObject("ioCustomer")
                .destinationId("crm").integrationKey("c-1").changeType(ChangeType.SAVED)
                .payload("{\"id\":\"c-1\"}".getBytes(StandardCharsets.UTF_8)).payloadHash(new PayloadHash(1, 2))
                .createdAt(T0).attempts(0).nextAttemptAt(T0).build();
    }
}
