package dev.ioflow.spring.jdbc;

import dev.ioflow.core.PayloadHash;
import dev.ioflow.webhook.ChangeType;
import dev.ioflow.webhook.spi.OutboxEntry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Outbox entries for the transaction tests. */
final class Entries {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private Entries() {
    }

    /** A saved-customer change of this key. */
    static OutboxEntry entry(String key) {
        return OutboxEntry.builder().messageId("msg-" + key).webhookId("wh").integrationObject("ioCustomer")
                .destinationId("crm").integrationKey(key).changeType(ChangeType.SAVED)
                .payload("{}".getBytes(StandardCharsets.UTF_8)).payloadHash(new PayloadHash(1, 2)).createdAt(T0)
                .attempts(0).nextAttemptAt(T0).build();
    }
}
