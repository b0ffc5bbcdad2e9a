package dev.ioflow.webhook;

import java.time.Instant;
import java.util.Objects;

/**
 * One delivery attempt's outcome, kept by the {@link OutboundMonitor} (SAP's {@code OutboundRequest}, one record
 * per attempt). Never holds a secret: response and error texts come from the receiver and the transport and are
 * capped at 1 KiB; the payload is kept only when the monitor is configured to.
 *
 * @param id                increasing number assigned by the monitor
 * @param messageId         the change's message id (the same on every attempt)
 * @param status            success, retry scheduled, or dead letter
 * @param webhookId         the webhook configuration
 * @param integrationObject the integration object's code
 * @param integrationKey    the item's integration key
 * @param destinationId     the destination's id
 * @param changeType        saved or deleted
 * @param attempt           1 for the first attempt
 * @param createdAt         when the change was recorded
 * @param attemptedAt       when this attempt's outcome was known
 * @param nextAttemptAt     when the next attempt is due ({@link OutboundRequestStatus#RETRY} only), or null
 * @param httpStatus        the response status, or 0 when there was none
 * @param detail            the receiver's reply or the error, capped at 1 KiB, or null
 * @param payload           the payload sent, or null unless payload retention is on
 * @since 0.1
 */
public record OutboundRequest(long id, String messageId, OutboundRequestStatus status, String webhookId,
                              String integrationObject, String integrationKey, String destinationId,
                              ChangeType changeType, int attempt, Instant createdAt, Instant attemptedAt,
                              Instant nextAttemptAt, int httpStatus, String detail, byte[] payload) {

    /** Requires the identifying components. */
    public OutboundRequest {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(integrationObject, "integrationObject");
        Objects.requireNonNull(integrationKey, "integrationKey");
        Objects.requireNonNull(destinationId, "destinationId");
        Objects.requireNonNull(attemptedAt, "attemptedAt");
    }

    /** A copy with the given id and payload (the monitor assigns one and decides on the other). */
    public OutboundRequest withIdAndPayload(long newId, byte[] newPayload) {
        return new OutboundRequest(newId, messageId, status, webhookId, integrationObject, integrationKey,
                destinationId, changeType, attempt, createdAt, attemptedAt, nextAttemptAt, httpStatus, detail,
                newPayload);
    }

    @Override
    public String toString() {
        return "OutboundRequest[" + id + " " + status + " " + changeType + " " + integrationObject + " key="
                + integrationKey + " -> " + destinationId + ", attempt " + attempt + ", http " + httpStatus
                + ", messageId=" + messageId + "]";
    }
}
