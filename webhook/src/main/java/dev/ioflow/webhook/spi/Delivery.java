package dev.ioflow.webhook.spi;

import dev.ioflow.webhook.ChangeType;

import java.time.Instant;
import java.util.Objects;

/**
 * One change handed to a {@link DeliveryTarget}.
 *
 * @param messageId         the same on every attempt of this change: use it for idempotency
 * @param changeType        saved or deleted
 * @param integrationObject the integration object's code
 * @param destinationId     the destination's id
 * @param integrationKey    the root item's integration key
 * @param payload           the JSON payload (for a delete: the payload at delete time); treat as read-only
 * @param attempt           1 for the first attempt
 * @param createdAt         when the change was recorded
 * @since 0.1
 */
public record Delivery(String messageId, ChangeType changeType, String integrationObject,
                             String destinationId, String integrationKey, byte[] payload, int attempt,
                             Instant createdAt) {

    /** Requires every component. */
    public Delivery {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(changeType, "changeType");
        Objects.requireNonNull(integrationObject, "integrationObject");
        Objects.requireNonNull(destinationId, "destinationId");
        Objects.requireNonNull(integrationKey, "integrationKey");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public String toString() {
        return "Delivery[" + messageId + ", " + changeType + " " + integrationObject + " key=" + integrationKey
                + " -> " + destinationId + ", attempt " + attempt + ", " + payload.length + " bytes]";
    }
}
