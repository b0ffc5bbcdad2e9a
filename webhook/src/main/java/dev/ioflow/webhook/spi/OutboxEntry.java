package dev.ioflow.webhook.spi;

import dev.ioflow.core.PayloadHash;
import dev.ioflow.webhook.ChangeSource;
import dev.ioflow.webhook.ChangeType;
import dev.ioflow.webhook.internal.ContextHeaders;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One change waiting in an {@link Outbox} for delivery to one destination. Immutable; the payload bytes are copied
 * in and out. Build one with {@link #builder()}, change one with {@link #newBuilder()}.
 *
 * <p>An entry returned by {@link Outbox#claim} carries its claim ({@link #claimedBy()} and {@link #claimToken()}):
 * every later state change of the entry ({@link Outbox#settle}, {@link Outbox#renew}) is applied only while that
 * claim still holds, so that a worker whose lease ran out cannot overwrite what another worker did since.
 *
 * @since 0.1
 */
public final class OutboxEntry {
    private final long id;
    private final String messageId;
    private final String webhookId;
    private final String integrationObject;
    private final String destinationId;
    private final String integrationKey;
    private final ChangeType changeType;
    private final ChangeSource source;
    private final byte[] payload;
    private final PayloadHash payloadHash;
    private final Instant createdAt;
    private final int attempts;
    private final Instant nextAttemptAt;
    private final @Nullable String lastError;
    private final @Nullable String claimedBy;
    private final long claimToken;
    private final Map<String, String> context;

    private OutboxEntry(Builder b) {
        this.id = b.id;
        this.messageId = required(b.messageId, "messageId");
        this.webhookId = required(b.webhookId, "webhookId");
        this.integrationObject = required(b.integrationObject, "integrationObject");
        this.destinationId = required(b.destinationId, "destinationId");
        this.integrationKey = required(b.integrationKey, "integrationKey");
        this.changeType = required(b.changeType, "changeType");
        this.source = required(b.source, "source");
        this.payload = required(b.payload, "payload").clone();
        this.payloadHash = required(b.payloadHash, "payloadHash");
        this.createdAt = required(b.createdAt, "createdAt");
        this.nextAttemptAt = b.nextAttemptAt != null ? b.nextAttemptAt : createdAt;
        if (b.attempts < 0) {
            throw new IllegalArgumentException("OutboxEntry attempts must not be negative, got " + b.attempts);
        }
        this.attempts = b.attempts;
        this.lastError = b.lastError;
        if ((b.claimedBy == null) != (b.claimToken == 0)) {
            throw new IllegalArgumentException("OutboxEntry claimedBy and claimToken go together: claimedBy="
                    + b.claimedBy + ", claimToken=" + b.claimToken);
        }
        this.claimedBy = b.claimedBy;
        this.claimToken = b.claimToken;
        this.context = ContextHeaders.copyOf(b.context, "OutboxEntry");
    }

    private static <T> T required(@Nullable T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException("OutboxEntry " + name + " is required");
        }
        return value;
    }

    /** An empty builder: every field but {@code id}, {@code attempts}, {@code nextAttemptAt} and the error is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this entry's fields. */
    public Builder newBuilder() {
        return new Builder(this);
    }

    /**
     * Where the change came from: a webhook event or an outbound sync run; shown by monitoring (SAP's
     * {@code source}).
     *
     * @since 1.0
     */
    public ChangeSource source() {
        return source;
    }

    /**
     * The context captured when the change was recorded ({@link ChangeContext}), e.g. a W3C {@code traceparent};
     * empty when none was.
     *
     * @since 1.0
     */
    public Map<String, String> context() {
        return context;
    }

    /** The outbox's own id, assigned on append (0 before); increasing in append order. */
    public long id() {
        return id;
    }

    /** Stays the same across redeliveries: receivers use it to drop duplicates. */
    public String messageId() {
        return messageId;
    }

    /** The webhook configuration (or sync channel) that produced the change. */
    public String webhookId() {
        return webhookId;
    }

    /** The integration object's code. */
    public String integrationObject() {
        return integrationObject;
    }

    /** The consumed destination's id. */
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

    /** A copy of the rendered JSON payload (for a delete: the payload at delete time). */
    public byte[] payload() {
        return payload.clone();
    }

    /** The payload's length in bytes, without copying it. */
    public int payloadLength() {
        return payload.length;
    }

    /** The payload's hash; stored as the delivered marker once delivery succeeds. */
    public PayloadHash payloadHash() {
        return payloadHash;
    }

    /** When the change was appended. */
    public Instant createdAt() {
        return createdAt;
    }

    /** Delivery attempts made so far. */
    public int attempts() {
        return attempts;
    }

    /** Not to be claimed before this instant. */
    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    /** The last attempt's error text (capped, never a secret), or null. */
    public @Nullable String lastError() {
        return lastError;
    }

    /**
     * The owner of the claim this entry was returned under, or null when it is not a claimed copy.
     *
     * @since 1.0
     */
    public @Nullable String claimedBy() {
        return claimedBy;
    }

    /**
     * The token of the claim this entry was returned under (0 when it is not a claimed copy): a later claim of the
     * same entry, by anyone, gets another token.
     *
     * @since 1.0
     */
    public long claimToken() {
        return claimToken;
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

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof OutboxEntry other)) {
            return false;
        }
        return id == other.id && attempts == other.attempts && claimToken == other.claimToken
                && messageId.equals(other.messageId) && webhookId.equals(other.webhookId)
                && integrationObject.equals(other.integrationObject) && destinationId.equals(other.destinationId)
                && integrationKey.equals(other.integrationKey) && changeType == other.changeType && source == other.source
                && Arrays.equals(payload, other.payload) && payloadHash.equals(other.payloadHash)
                && createdAt.equals(other.createdAt) && nextAttemptAt.equals(other.nextAttemptAt)
                && Objects.equals(lastError, other.lastError) && Objects.equals(claimedBy, other.claimedBy)
                && context.equals(other.context);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, messageId, integrationKey, changeType, payloadHash, claimToken);
    }

    @Override
    public String toString() {
        return "OutboxEntry[id=" + id + ", messageId=" + messageId + ", " + changeType + " " + integrationObject
                + " key=" + integrationKey + " -> " + destinationId + ", " + source + ", attempts=" + attempts
                + (claimedBy == null ? "" : ", claimedBy=" + claimedBy) + "]";
    }

    /**
     * Builds an {@link OutboxEntry}. Not thread-safe.
     *
     * @since 1.0
     */
    public static final class Builder {
        private long id;
        private @Nullable String messageId;
        private @Nullable String webhookId;
        private @Nullable String integrationObject;
        private @Nullable String destinationId;
        private @Nullable String integrationKey;
        private @Nullable ChangeType changeType;
        private ChangeSource source = ChangeSource.WEBHOOK;
        private byte @Nullable [] payload;
        private @Nullable PayloadHash payloadHash;
        private @Nullable Instant createdAt;
        private int attempts;
        private @Nullable Instant nextAttemptAt;
        private @Nullable String lastError;
        private @Nullable String claimedBy;
        private long claimToken;
        private Map<String, String> context = Map.of();

        private Builder() {
        }

        private Builder(OutboxEntry e) {
            id = e.id;
            messageId = e.messageId;
            webhookId = e.webhookId;
            integrationObject = e.integrationObject;
            destinationId = e.destinationId;
            integrationKey = e.integrationKey;
            changeType = e.changeType;
            source = e.source;
            payload = e.payload;
            payloadHash = e.payloadHash;
            createdAt = e.createdAt;
            attempts = e.attempts;
            nextAttemptAt = e.nextAttemptAt;
            lastError = e.lastError;
            claimedBy = e.claimedBy;
            claimToken = e.claimToken;
            context = e.context;
        }

        /** The outbox's id (outboxes set it on append). */
        public Builder id(long id) {
            this.id = id;
            return this;
        }

        /** The message id receivers deduplicate by. */
        public Builder messageId(String messageId) {
            this.messageId = messageId;
            return this;
        }

        /** The webhook (or sync channel) id. */
        public Builder webhookId(String webhookId) {
            this.webhookId = webhookId;
            return this;
        }

        /** The integration object's code. */
        public Builder integrationObject(String integrationObject) {
            this.integrationObject = integrationObject;
            return this;
        }

        /** The consumed destination's id. */
        public Builder destinationId(String destinationId) {
            this.destinationId = destinationId;
            return this;
        }

        /** The root item's integration key. */
        public Builder integrationKey(String integrationKey) {
            this.integrationKey = integrationKey;
            return this;
        }

        /** Saved or deleted. */
        public Builder changeType(ChangeType changeType) {
            this.changeType = changeType;
            return this;
        }

        /**
         * Where the change came from (default {@link ChangeSource#WEBHOOK}).
         *
         * @since 1.0
         */
        public Builder source(ChangeSource source) {
            this.source = source;
            return this;
        }

        /** The payload; copied when the entry is built. */
        public Builder payload(byte[] payload) {
            this.payload = payload;
            return this;
        }

        /** The payload's hash. */
        public Builder payloadHash(PayloadHash payloadHash) {
            this.payloadHash = payloadHash;
            return this;
        }

        /** When the change was made. */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /** Attempts made so far (default 0). */
        public Builder attempts(int attempts) {
            this.attempts = attempts;
            return this;
        }

        /** Not to be claimed before (default: {@code createdAt}). */
        public Builder nextAttemptAt(Instant nextAttemptAt) {
            this.nextAttemptAt = nextAttemptAt;
            return this;
        }

        /** The last attempt's error, or null. */
        public Builder lastError(@Nullable String lastError) {
            this.lastError = lastError;
            return this;
        }

        /** The claim the entry is returned under (outboxes set it on claim); null and 0 for none. */
        public Builder claim(@Nullable String claimedBy, long claimToken) {
            this.claimedBy = claimedBy;
            this.claimToken = claimToken;
            return this;
        }

        /**
         * The context captured with the change (default none); checked and copied when the entry is built.
         *
         * @since 1.0
         */
        public Builder context(Map<String, String> context) {
            this.context = Objects.requireNonNull(context, "context");
            return this;
        }

        /** The entry. */
        public OutboxEntry build() {
            return new OutboxEntry(this);
        }
    }
}
