package dev.ioflow.webhook;

import dev.ioflow.webhook.spi.OutboxEntry;
import java.time.Instant;
import java.util.Objects;

/**
 * Identifies a change for a {@link WebhookEventListener}: webhook, integration object, destination, integration key,
 * change type, message id and creation time. Never carries the payload or anything secret.
 *
 * <p>Immutable.
 *
 * @since 1.0
 */
public final class ChangeInfo {
    private final String webhookId;
    private final String integrationObject;
    private final String destinationId;
    private final String integrationKey;
    private final ChangeType changeType;
    private final String messageId;
    private final Instant createdAt;

    private ChangeInfo(OutboxEntry entry) {
        this.webhookId = entry.webhookId();
        this.integrationObject = entry.integrationObject();
        this.destinationId = entry.destinationId();
        this.integrationKey = entry.integrationKey();
        this.changeType = entry.changeType();
        this.messageId = entry.messageId();
        this.createdAt = entry.createdAt();
    }

    /** The identifying parts of an outbox entry (its payload is not kept). */
    public static ChangeInfo of(OutboxEntry entry) {
        return new ChangeInfo(Objects.requireNonNull(entry, "entry"));
    }

    /** The webhook configuration's id. */
    public String webhookId() {
        return webhookId;
    }

    /** The integration object's code. */
    public String integrationObject() {
        return integrationObject;
    }

    /** The destination's id. */
    public String destinationId() {
        return destinationId;
    }

    /** The root item's integration key. */
    public String integrationKey() {
        return integrationKey;
    }

    /** Saved or deleted. */
    public ChangeType changeType() {
        return changeType;
    }

    /** The change's message id (the same on every attempt). */
    public String messageId() {
        return messageId;
    }

    /** When the change was recorded. */
    public Instant createdAt() {
        return createdAt;
    }

    @Override
    public String toString() {
        return "ChangeInfo[" + changeType + " " + integrationObject + " key=" + integrationKey + " -> "
                + destinationId + " (webhook " + webhookId + "), messageId=" + messageId + "]";
    }
}
