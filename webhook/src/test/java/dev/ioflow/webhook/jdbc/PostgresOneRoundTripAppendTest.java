package dev.ioflow.webhook.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ioflow.core.PayloadHash;
import dev.ioflow.webhook.ChangeType;
import dev.ioflow.webhook.OutboxStoreException;
import dev.ioflow.webhook.spi.OutboxEntry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * On PostgreSQL an append's key lock, delete of replaced entries and insert are sent together in auto-commit mode and
 * committed by that one round trip: they must still stand or fall together, and leave pooled connections as they were.
 */
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
        disabledReason = TestDatabases.NO_POSTGRES)
class PostgresOneRoundTripAppendTest extends PostgresOutboxTestBase {
    @Test
    void anAppendWhoseInsertFailsKeepsTheEntryItWouldHaveReplacedAndReleasesTheKey() {
        outbox.append(List.of(save("m-1", 1)));

        // message_id is a VARCHAR(255): the insert fails after the lock and the delete of m-1 have run
        assertThatThrownBy(() -> outbox.append(List.of(save("m-" + "x".repeat(300), 2))))
                .isInstanceOf(OutboxStoreException.class);

        assertThat(outbox.liveCount()).isEqualTo(1);
        assertThat(outbox.newestLive("wh", "crm", "c1").payloadHash()).isEqualTo(new PayloadHash(1, 1));
        outbox.append(List.of(save("m-3", 3))); // the key's lock went with the failed transaction
        assertThat(outbox.newestLive("wh", "crm", "c1").payloadHash()).isEqualTo(new PayloadHash(3, 3));
        assertThat(outbox.liveCount()).isEqualTo(1);
    }

    @Test
    void aPooledConnectionWithoutAutoCommitGoesBackWithout() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
        }

        outbox.append(List.of(save("m-1", 1)));

        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getAutoCommit()).isFalse();
        }
        assertThat(outbox.liveCount()).isEqualTo(1);
    }

    private static OutboxEntry save(String messageId, long hash) {
        return OutboxEntry.builder().messageId(messageId).webhookId("wh").integrationObject("ioCustomer")
                .destinationId("crm").integrationKey("c1").changeType(ChangeType.SAVED)
                .payload("{}".getBytes(StandardCharsets.UTF_8)).payloadHash(new PayloadHash(hash, hash))
                .createdAt(Instant.parse("2026-01-01T00:00:00Z")).build();
    }
}
