package dev.ioflow.webhook.spi;

import dev.ioflow.webhook.ChangeType;

import dev.ioflow.core.PayloadHash;
import java.time.Instant;
import java.util.Objects;

/**
 * One change waiting in an {@link Outbox} for delivery to one destination.
 *
 * @param id                 the outbox's own id, assigned on append (0 before); increasing in append order
 * @param messageId          stays the same across redeliveries: receivers use it to drop duplicates
 * @param webhookId          the webhook configuration (or sync channel) that produced the change
 * @param integrationObject  the integration object's code
 * @param destinationId      the consumed destination's id
 * @param integrationKey     the root item's integration key
 * @param changeType         saved or deleted
 * @param payload            the rendered JSON payload (for a delete: the payload at delete time)
 * @param payloadHash        the payload's hash; stored as the delivered marker once delivery succeeds
 * @param createdAt          when the change was appended
 * @param attempts           delivery attempts made so far
 * @param nextAttemptAt      not to be claimed before this instant
 * @param lastError          the last attempt's error text (capped, never a secret), or null
 * @since 0.1
 */
public record OutboxEntry(long id, String messageId, String webhookId, String integrationObject,
                          String destinationId, String integrationKey, ChangeType changeType, byte[] payload,
                          PayloadHash payloadHash, Instant createdAt, int attempts, Instant nextAttemptAt,
                          String lastError) {

    /** Requires every component but {@code lastError}. */
    public OutboxEntry {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(webhookId, "webhookId");
        Objects.requireNonNull(integrationObject, "integrationObject");
        Objects.requireNonNull(destinationId, "destinationId");
        Objects.requireNonNull(integrationKey, "integrationKey");
        Objects.requireNonNull(changeType, "changeType");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(payloadHash, "payloadHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    }

    /** The per-key ordering and coalescing unit: (webhook, destination, integration key). */
    public String orderingKey() {
        return orderingKey(webhookId, destinationId, integrationKey);
    }

    /**
     * The ordering key of (webhook, destination, integration key), as {@link #orderingKey()} returns it.
     *
     * @since 1.0
     */
    public static String orderingKey(String webhookId, String destinationId, String integrationKey) {
        return webhookId + '\u0000' + destinationId + '\u0000' + integrationKey;
    }

    /** A copy with the id the outbox assigned. */
    public OutboxEntry withId(long newId) {
        return new OutboxEntry(newId, messageId, webhookId, integrationObject, destinationId, integrationKey,
                changeType, payload, payloadHash, createdAt, attempts, nextAttemptAt, lastError);
    }

    /** A copy after a failed attempt. */
    public OutboxEntry withRetry(int newAttempts, Instant newNextAttemptAt, String error) {
        return new OutboxEntry(id, messageId, webhookId, integrationObject, destinationId, integrationKey,
                changeType, payload, payloadHash, createdAt, newAttempts, newNextAttemptAt, error);
    }

    @Override
    public String toString() {
        return "OutboxEntry[id=" + id + ", messageId=" + messageId + ", " + changeType + " " + integrationObject
                + " key=" + integrationKey + " -> " + destinationId + ", attempts=" + attempts + "]";
    }
}
