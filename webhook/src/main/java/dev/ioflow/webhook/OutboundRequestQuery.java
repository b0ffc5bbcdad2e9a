package dev.ioflow.webhook;

import dev.ioflow.core.monitoring.MonitorQuery;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Selects {@link OutboundRequest}s from an {@link OutboundMonitor}: every criterion left null matches all. Results
 * come newest first, a page at a time ({@link #offset()} and {@link #limit()}).
 *
 * <pre>{@code
 * List<OutboundRequest> failures = monitor.query(OutboundRequestQuery.builder()
 *         .status(OutboundRequestStatus.ERROR)
 *         .integrationObject("ioCustomer")
 *         .from(Instant.now().minus(Duration.ofHours(1)))
 *         .limit(50)
 *         .build());
 * }</pre>
 *
 * Immutable; {@link #newBuilder()} starts a changed copy.
 *
 * @since 0.1
 */
public final class OutboundRequestQuery implements MonitorQuery<OutboundRequest> {
    private final @Nullable OutboundRequestStatus status;
    private final @Nullable String integrationObject;
    private final @Nullable String integrationKey;
    private final @Nullable String destinationId;
    private final @Nullable String messageId;
    private final @Nullable ChangeSource source;
    private final @Nullable Instant from;
    private final @Nullable Instant to;
    private final int offset;
    private final int limit;

    private OutboundRequestQuery(Builder b) {
        if (b.limit < 1) {
            throw new IllegalArgumentException("query limit must be at least 1, got " + b.limit);
        }
        if (b.offset < 0) {
            throw new IllegalArgumentException("query offset must not be negative, got " + b.offset);
        }
        this.offset = b.offset;
        this.status = b.status;
        this.integrationObject = b.integrationObject;
        this.integrationKey = b.integrationKey;
        this.destinationId = b.destinationId;
        this.messageId = b.messageId;
        this.source = b.source;
        this.from = b.from;
        this.to = b.to;
        this.limit = b.limit;
    }

    /** Only this status, or null for any. */
    public @Nullable OutboundRequestStatus status() {
        return status;
    }

    /** Only this integration object, or null for any. */
    public @Nullable String integrationObject() {
        return integrationObject;
    }

    /** Only this integration key, or null for any. */
    public @Nullable String integrationKey() {
        return integrationKey;
    }

    /** Only this destination, or null for any. */
    public @Nullable String destinationId() {
        return destinationId;
    }

    /** Only this message id, or null for any. */
    public @Nullable String messageId() {
        return messageId;
    }

    /**
     * Only changes from this source (webhook or outbound sync), or null for any.
     *
     * @since 1.0
     */
    public @Nullable ChangeSource source() {
        return source;
    }

    /** Only attempts at or after this instant, or null for no lower bound. */
    public @Nullable Instant from() {
        return from;
    }

    /** Only attempts before this instant, or null for no upper bound. */
    public @Nullable Instant to() {
        return to;
    }

    /** At most this many, newest first. */
    @Override
    public int limit() {
        return limit;
    }

    /**
     * How many matching records to skip, newest first (default 0, the first page).
     *
     * @since 1.0
     */
    @Override
    public int offset() {
        return offset;
    }

    /**
     * A builder holding this query's criteria, to build a changed copy.
     *
     * @since 1.0
     */
    public Builder newBuilder() {
        Builder b = new Builder();
        b.status = status;
        b.integrationObject = integrationObject;
        b.integrationKey = integrationKey;
        b.destinationId = destinationId;
        b.messageId = messageId;
        b.source = source;
        b.from = from;
        b.to = to;
        b.offset = offset;
        b.limit = limit;
        return b;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof OutboundRequestQuery q && status == q.status && limit == q.limit && offset == q.offset
                && Objects.equals(integrationObject, q.integrationObject)
                && Objects.equals(integrationKey, q.integrationKey) && Objects.equals(destinationId, q.destinationId)
                && Objects.equals(messageId, q.messageId) && source == q.source && Objects.equals(from, q.from) && Objects.equals(to, q.to);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, integrationObject, integrationKey, destinationId, messageId, source, from, to,
                offset, limit);
    }

    @Override
    public String toString() {
        return "OutboundRequestQuery[status=" + status + ", integrationObject=" + integrationObject
                + ", integrationKey=" + integrationKey + ", destinationId=" + destinationId + ", messageId="
                + messageId + ", source=" + source + ", from=" + from + ", to=" + to + ", offset=" + offset
                + ", limit=" + limit + "]";
    }

    /** Everything, up to 1000 records. */
    public static OutboundRequestQuery all() {
        return builder().build();
    }

    /** Starts a query matching everything, up to 1000 records. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether the record matches. */
    @Override
    public boolean matches(OutboundRequest r) {
        return (status == null || status == r.status())
                && (integrationObject == null || integrationObject.equals(r.integrationObject()))
                && (integrationKey == null || integrationKey.equals(r.integrationKey()))
                && (destinationId == null || destinationId.equals(r.destinationId()))
                && (messageId == null || messageId.equals(r.messageId()))
                && (source == null || source == r.source())
                && (from == null || !r.attemptedAt().isBefore(from))
                && (to == null || r.attemptedAt().isBefore(to));
    }

    /** Builds an {@link OutboundRequestQuery}. */
    public static final class Builder {
        private @Nullable OutboundRequestStatus status;
        private @Nullable String integrationObject;
        private @Nullable String integrationKey;
        private @Nullable String destinationId;
        private @Nullable String messageId;
        private @Nullable ChangeSource source;
        private @Nullable Instant from;
        private @Nullable Instant to;
        private int offset;
        private int limit = 1000;

        private Builder() {
        }

        /** Only this status. */
        public Builder status(@Nullable OutboundRequestStatus status) {
            this.status = status;
            return this;
        }

        /** Only this integration object. */
        public Builder integrationObject(@Nullable String code) {
            this.integrationObject = code;
            return this;
        }

        /** Only this integration key. */
        public Builder integrationKey(@Nullable String key) {
            this.integrationKey = key;
            return this;
        }

        /** Only this destination. */
        public Builder destinationId(@Nullable String id) {
            this.destinationId = id;
            return this;
        }

        /** Only this message id. */
        public Builder messageId(@Nullable String id) {
            this.messageId = id;
            return this;
        }

        /**
         * Only changes from this source.
         *
         * @since 1.0
         */
        public Builder source(@Nullable ChangeSource source) {
            this.source = source;
            return this;
        }

        /** Only attempts at or after this instant. */
        public Builder from(@Nullable Instant from) {
            this.from = from;
            return this;
        }

        /** Only attempts before this instant. */
        public Builder to(@Nullable Instant to) {
            this.to = to;
            return this;
        }

        /**
         * Skips this many matching records, newest first (default 0): with {@link #limit(int)}, selects a page.
         *
         * @since 1.0
         */
        public Builder offset(int offset) {
            this.offset = offset;
            return this;
        }

        /** At most this many (default 1000). */
        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        /** Returns the query. */
        public OutboundRequestQuery build() {
            return new OutboundRequestQuery(this);
        }
    }
}
