package dev.ioflow.webhook.spi;

import dev.ioflow.webhook.ChangeSource;
import dev.ioflow.webhook.ChangeType;
import dev.ioflow.webhook.internal.ContextHeaders;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One change handed to a {@link DeliveryTarget}: what happened to which root item, its payload, and which attempt
 * this is. Immutable; the payload is copied in and out.
 *
 * <pre>{@code
 * Delivery change = Delivery.builder()
 *         .messageId("m-1").changeType(ChangeType.UPDATED)
 *         .integrationObject("ioCustomer").destinationId("crm").integrationKey("C-42")
 *         .payload(json).createdAt(changedAt)
 *         .build();
 * }</pre>
 *
 * @since 0.1
 */
public final class Delivery {
    private final String messageId;
    private final ChangeType changeType;
    private final String integrationObject;
    private final String destinationId;
    private final String integrationKey;
    private final byte[] payload;
    private final int attempt;
    private final Instant createdAt;
    private final ChangeSource source;
    private final Map<String, String> headers;

    private Delivery(Builder b) {
        this.messageId = required(b.messageId, "messageId");
        this.changeType = required(b.changeType, "changeType");
        this.integrationObject = required(b.integrationObject, "integrationObject");
        this.destinationId = required(b.destinationId, "destinationId");
        this.integrationKey = required(b.integrationKey, "integrationKey");
        this.payload = required(b.payload, "payload");
        this.createdAt = required(b.createdAt, "createdAt");
        this.attempt = b.attempt;
        this.source = b.source;
        this.headers = ContextHeaders.copyOf(b.headers, "Delivery");
    }

    /**
     * Starts a delivery; message id, change type, integration object, destination, integration key, payload and
     * creation time are required, the attempt defaults to 1 and the source to {@link ChangeSource#WEBHOOK}.
     *
     * @since 1.0
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this delivery's values.
     *
     * @since 1.0
     */
    public Builder newBuilder() {
        return new Builder().messageId(messageId).changeType(changeType).integrationObject(integrationObject)
                .destinationId(destinationId).integrationKey(integrationKey).payload(payload).attempt(attempt)
                .createdAt(createdAt).source(source).headers(headers);
    }

    /** The same on every attempt of this change: use it for idempotency (it is the CloudEvents {@code ce-id}). */
    public String messageId() {
        return messageId;
    }

    /** Created, updated, saved (created or updated) or deleted. */
    public ChangeType changeType() {
        return changeType;
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

    /** A copy of the JSON payload (for a delete: the payload at delete time). */
    public byte[] payload() {
        return payload.clone();
    }

    /** The payload's size in bytes, without copying it. */
    public int payloadLength() {
        return payload.length;
    }

    /** 1 for the first attempt. */
    public int attempt() {
        return attempt;
    }

    /**
     * When the change happened (was recorded): the same on every attempt, so it is the CloudEvents {@code ce-time}.
     */
    public Instant createdAt() {
        return createdAt;
    }

    /**
     * Where the change came from: a webhook event or an outbound sync run.
     *
     * @since 1.0
     */
    public ChangeSource source() {
        return source;
    }

    /**
     * Headers that travel with the change to its destination: the context captured when it was recorded
     * ({@link ChangeContext}, e.g. a W3C {@code traceparent}) as {@link DeliveryInterceptor}s left it. The HTTP
     * targets send them with the request; a target that sends many changes in one request may ignore them.
     *
     * @since 1.0
     */
    public Map<String, String> headers() {
        return headers;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Delivery d && messageId.equals(d.messageId) && changeType == d.changeType
                && integrationObject.equals(d.integrationObject) && destinationId.equals(d.destinationId)
                && integrationKey.equals(d.integrationKey) && Arrays.equals(payload, d.payload)
                && attempt == d.attempt && createdAt.equals(d.createdAt) && source == d.source
                && headers.equals(d.headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(messageId, changeType, integrationKey, destinationId, attempt);
    }

    @Override
    public String toString() {
        return "Delivery[" + messageId + ", " + changeType + " " + integrationObject + " key=" + integrationKey
                + " -> " + destinationId + ", attempt " + attempt + ", " + payload.length + " bytes, " + source + "]";
    }

    private static <T> T required(@Nullable T value, String name) {
        if (value == null) {
            throw new IllegalStateException("Delivery needs " + name + ": call " + name + "(..) on its builder");
        }
        return value;
    }

    /**
     * Builds a {@link Delivery}.
     *
     * @since 1.0
     */
    public static final class Builder {
        private @Nullable String messageId;
        private @Nullable ChangeType changeType;
        private @Nullable String integrationObject;
        private @Nullable String destinationId;
        private @Nullable String integrationKey;
        private byte @Nullable [] payload;
        private int attempt = 1;
        private @Nullable Instant createdAt;
        private ChangeSource source = ChangeSource.WEBHOOK;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Builder() {
        }

        /** The message id, the same on every attempt. */
        public Builder messageId(String messageId) {
            this.messageId = Objects.requireNonNull(messageId, "messageId");
            return this;
        }

        /** What happened to the item. */
        public Builder changeType(ChangeType changeType) {
            this.changeType = Objects.requireNonNull(changeType, "changeType");
            return this;
        }

        /** The integration object's code. */
        public Builder integrationObject(String code) {
            this.integrationObject = Objects.requireNonNull(code, "integrationObject");
            return this;
        }

        /** The destination's id. */
        public Builder destinationId(String destinationId) {
            this.destinationId = Objects.requireNonNull(destinationId, "destinationId");
            return this;
        }

        /** The root item's integration key. */
        public Builder integrationKey(String integrationKey) {
            this.integrationKey = Objects.requireNonNull(integrationKey, "integrationKey");
            return this;
        }

        /** The JSON payload (copied). */
        public Builder payload(byte[] payload) {
            this.payload = Objects.requireNonNull(payload, "payload").clone();
            return this;
        }

        /** The attempt number, 1 or more (default 1). */
        public Builder attempt(int attempt) {
            if (attempt < 1) {
                throw new IllegalArgumentException("attempt must be at least 1, got " + attempt);
            }
            this.attempt = attempt;
            return this;
        }

        /** When the change happened. */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
            return this;
        }

        /** Where the change came from (default {@link ChangeSource#WEBHOOK}). */
        public Builder source(ChangeSource source) {
            this.source = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * Replaces the headers sent with the change (default none); checked when the delivery is built.
         *
         * @since 1.0
         */
        public Builder headers(Map<String, String> headers) {
            this.headers.clear();
            this.headers.putAll(Objects.requireNonNull(headers, "headers"));
            return this;
        }

        /**
         * Adds or replaces one header sent with the change.
         *
         * @since 1.0
         */
        public Builder header(String name, String value) {
            headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Returns the delivery.
         *
         * @throws IllegalStateException naming the first required value that is missing
         */
        public Delivery build() {
            return new Delivery(this);
        }
    }
}
