package dev.ioflow.webhook;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One delivery attempt's outcome, kept by the {@link OutboundMonitor} (SAP's {@code OutboundRequest}, one record
 * per attempt). Never holds a secret: response and error texts come from the receiver and the transport and are
 * capped at 1 KiB; the payload is kept only when the monitor is configured to. Immutable; the payload is copied in
 * and out.
 *
 * <pre>{@code
 * OutboundRequest record = OutboundRequest.builder()
 *         .messageId("m-1").status(OutboundRequestStatus.SUCCESS)
 *         .integrationObject("ioCustomer").integrationKey("C-42").destinationId("crm")
 *         .attemptedAt(Instant.now())
 *         .build();
 * }</pre>
 *
 * @since 0.1
 */
public final class OutboundRequest {
    private final long id;
    private final String messageId;
    private final OutboundRequestStatus status;
    private final @Nullable String webhookId;
    private final String integrationObject;
    private final String integrationKey;
    private final String destinationId;
    private final @Nullable ChangeType changeType;
    private final ChangeSource source;
    private final int attempt;
    private final @Nullable Instant createdAt;
    private final Instant attemptedAt;
    private final @Nullable Instant nextAttemptAt;
    private final int httpStatus;
    private final @Nullable String detail;
    private final byte @Nullable [] payload;

    private OutboundRequest(Builder b) {
        this.id = b.id;
        this.messageId = required(b.messageId, "messageId");
        this.status = required(b.status, "status");
        this.webhookId = b.webhookId;
        this.integrationObject = required(b.integrationObject, "integrationObject");
        this.integrationKey = required(b.integrationKey, "integrationKey");
        this.destinationId = required(b.destinationId, "destinationId");
        this.changeType = b.changeType;
        this.source = b.source;
        this.attempt = b.attempt;
        this.createdAt = b.createdAt;
        this.attemptedAt = required(b.attemptedAt, "attemptedAt");
        this.nextAttemptAt = b.nextAttemptAt;
        this.httpStatus = b.httpStatus;
        this.detail = b.detail;
        this.payload = b.payload;
    }

    /**
     * Starts a record; message id, status, integration object, integration key, destination and attempt time are
     * required.
     *
     * @since 1.0
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this record's values.
     *
     * @since 1.0
     */
    public Builder newBuilder() {
        Builder b = new Builder().id(id).messageId(messageId).status(status).webhookId(webhookId)
                .integrationObject(integrationObject).integrationKey(integrationKey).destinationId(destinationId)
                .changeType(changeType).source(source).attempt(attempt).createdAt(createdAt)
                .attemptedAt(attemptedAt).nextAttemptAt(nextAttemptAt).httpStatus(httpStatus).detail(detail);
        b.payload = payload;
        return b;
    }

    /** Increasing number assigned by the monitor (0 before). */
    public long id() {
        return id;
    }

    /** The change's message id (the same on every attempt). */
    public String messageId() {
        return messageId;
    }

    /** Success, retry scheduled, or dead letter. */
    public OutboundRequestStatus status() {
        return status;
    }

    /** The webhook configuration, or null when not known. */
    public @Nullable String webhookId() {
        return webhookId;
    }

    /** The integration object's code. */
    public String integrationObject() {
        return integrationObject;
    }

    /** The item's integration key. */
    public String integrationKey() {
        return integrationKey;
    }

    /** The destination's id. */
    public String destinationId() {
        return destinationId;
    }

    /** What happened to the item, or null when not known. */
    public @Nullable ChangeType changeType() {
        return changeType;
    }

    /**
     * Where the change came from: a webhook event or an outbound sync run (SAP's {@code source}).
     *
     * @since 1.0
     */
    public ChangeSource source() {
        return source;
    }

    /** 1 for the first attempt. */
    public int attempt() {
        return attempt;
    }

    /** When the change was recorded, or null when not known. */
    public @Nullable Instant createdAt() {
        return createdAt;
    }

    /** When this attempt's outcome was known. */
    public Instant attemptedAt() {
        return attemptedAt;
    }

    /** When the next attempt is due ({@link OutboundRequestStatus#RETRY} only), or null. */
    public @Nullable Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    /** The response status, or 0 when there was none. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The receiver's reply or the error, capped at 1 KiB, or null. */
    public @Nullable String detail() {
        return detail;
    }

    /** A copy of the payload sent, or null unless payload retention is on. */
    public byte @Nullable [] payload() {
        return payload == null ? null : payload.clone();
    }

    /**
     * A copy with the given id and payload (the monitor assigns one and decides on the other).
     *
     * @param newPayload the payload to keep (copied), or null for none
     */
    public OutboundRequest withIdAndPayload(long newId, byte @Nullable [] newPayload) {
        return newBuilder().id(newId).payload(newPayload).build();
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof OutboundRequest r && id == r.id && messageId.equals(r.messageId) && status == r.status
                && Objects.equals(webhookId, r.webhookId) && integrationObject.equals(r.integrationObject)
                && integrationKey.equals(r.integrationKey) && destinationId.equals(r.destinationId)
                && changeType == r.changeType && source == r.source && attempt == r.attempt
                && Objects.equals(createdAt, r.createdAt) && attemptedAt.equals(r.attemptedAt)
                && Objects.equals(nextAttemptAt, r.nextAttemptAt) && httpStatus == r.httpStatus
                && Objects.equals(detail, r.detail) && Arrays.equals(payload, r.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, messageId, status, integrationKey, destinationId, attempt, attemptedAt);
    }

    @Override
    public String toString() {
        return "OutboundRequest[" + id + " " + status + " " + changeType + " " + integrationObject + " key="
                + integrationKey + " -> " + destinationId + ", attempt " + attempt + ", http " + httpStatus
                + ", " + source + ", messageId=" + messageId + "]";
    }

    private static <T> T required(@Nullable T value, String name) {
        if (value == null) {
            throw new IllegalStateException("OutboundRequest needs " + name + ": call " + name + "(..) on its builder");
        }
        return value;
    }

    /**
     * Builds an {@link OutboundRequest}.
     *
     * @since 1.0
     */
    public static final class Builder {
        private long id;
        private @Nullable String messageId;
        private @Nullable OutboundRequestStatus status;
        private @Nullable String webhookId;
        private @Nullable String integrationObject;
        private @Nullable String integrationKey;
        private @Nullable String destinationId;
        private @Nullable ChangeType changeType;
        private ChangeSource source = ChangeSource.WEBHOOK;
        private int attempt = 1;
        private @Nullable Instant createdAt;
        private @Nullable Instant attemptedAt;
        private @Nullable Instant nextAttemptAt;
        private int httpStatus;
        private @Nullable String detail;
        private byte @Nullable [] payload;

        private Builder() {
        }

        /** The monitor's id (default 0: not yet recorded). */
        public Builder id(long id) {
            this.id = id;
            return this;
        }

        /** The change's message id. */
        public Builder messageId(String messageId) {
            this.messageId = Objects.requireNonNull(messageId, "messageId");
            return this;
        }

        /** The attempt's status. */
        public Builder status(OutboundRequestStatus status) {
            this.status = Objects.requireNonNull(status, "status");
            return this;
        }

        /** The webhook configuration, or null. */
        public Builder webhookId(@Nullable String webhookId) {
            this.webhookId = webhookId;
            return this;
        }

        /** The integration object's code. */
        public Builder integrationObject(String code) {
            this.integrationObject = Objects.requireNonNull(code, "integrationObject");
            return this;
        }

        /** The item's integration key. */
        public Builder integrationKey(String key) {
            this.integrationKey = Objects.requireNonNull(key, "integrationKey");
            return this;
        }

        /** The destination's id. */
        public Builder destinationId(String destinationId) {
            this.destinationId = Objects.requireNonNull(destinationId, "destinationId");
            return this;
        }

        /** What happened to the item, or null. */
        public Builder changeType(@Nullable ChangeType changeType) {
            this.changeType = changeType;
            return this;
        }

        /** Where the change came from (default {@link ChangeSource#WEBHOOK}). */
        public Builder source(ChangeSource source) {
            this.source = Objects.requireNonNull(source, "source");
            return this;
        }

        /** The attempt number (default 1). */
        public Builder attempt(int attempt) {
            this.attempt = attempt;
            return this;
        }

        /** When the change was recorded, or null. */
        public Builder createdAt(@Nullable Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /** When the attempt's outcome was known. */
        public Builder attemptedAt(Instant attemptedAt) {
            this.attemptedAt = Objects.requireNonNull(attemptedAt, "attemptedAt");
            return this;
        }

        /** When the next attempt is due, or null. */
        public Builder nextAttemptAt(@Nullable Instant nextAttemptAt) {
            this.nextAttemptAt = nextAttemptAt;
            return this;
        }

        /** The response status, 0 for none. */
        public Builder httpStatus(int httpStatus) {
            this.httpStatus = httpStatus;
            return this;
        }

        /** The reply or error text, or null. */
        public Builder detail(@Nullable String detail) {
            this.detail = detail;
            return this;
        }

        /** The payload sent (copied), or null. */
        public Builder payload(byte @Nullable [] payload) {
            this.payload = payload == null ? null : payload.clone();
            return this;
        }

        /**
         * Returns the record.
         *
         * @throws IllegalStateException naming the first required value that is missing
         */
        public OutboundRequest build() {
            return new OutboundRequest(this);
        }
    }
}
