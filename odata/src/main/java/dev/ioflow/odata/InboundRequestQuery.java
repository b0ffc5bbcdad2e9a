package dev.ioflow.odata;

import dev.ioflow.core.monitoring.MonitorQuery;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Selects {@link InboundRequest}s from an {@link InboundMonitor}: every criterion left null matches all. Results come
 * newest first, a page at a time ({@link #offset()} and {@link #limit()}).
 *
 * <pre>{@code
 * MonitorPage<InboundRequest> errors = monitor.page(InboundRequestQuery.builder()
 *         .status(InboundRequestStatus.ERROR)
 *         .integrationObject("InboundProduct")
 *         .from(Instant.now().minus(Duration.ofHours(1)))
 *         .limit(50)
 *         .build());
 * }</pre>
 *
 * @param status            only this status
 * @param integrationObject only this integration object
 * @param integrationKey    only requests that touched the item of this integration key (one of the record's keys)
 * @param messageId         only this message id
 * @param user              only requests of this user
 * @param from              only requests at or after this instant
 * @param to                only requests before this instant
 * @param offset            how many matching records to skip, newest first; 0 for the first page
 * @param limit             at most this many records; at least 1
 * @since 1.0
 */
public record InboundRequestQuery(@Nullable InboundRequestStatus status, @Nullable String integrationObject,
                                  @Nullable String integrationKey, @Nullable String messageId, @Nullable String user,
                                  @Nullable Instant from, @Nullable Instant to, int offset, int limit)
        implements MonitorQuery<InboundRequest> {

    /** Checks the page. */
    public InboundRequestQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("query limit must be at least 1, got " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("query offset must not be negative, got " + offset);
        }
    }

    /** Everything, up to 1000 records. */
    public static InboundRequestQuery all() {
        return builder().build();
    }

    /** Starts a query matching everything, up to 1000 records. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this query's criteria, to build a changed copy. */
    public Builder newBuilder() {
        return builder().status(status).integrationObject(integrationObject).integrationKey(integrationKey)
                .messageId(messageId).user(user).from(from).to(to).offset(offset).limit(limit);
    }

    @Override
    public boolean matches(InboundRequest r) {
        return (status == null || status == r.status())
                && (integrationObject == null || integrationObject.equals(r.integrationObject()))
                && (integrationKey == null || r.integrationKeys().contains(integrationKey))
                && (messageId == null || messageId.equals(r.messageId()))
                && (user == null || user.equals(r.user()))
                && (from == null || !r.creationTime().isBefore(from))
                && (to == null || r.creationTime().isBefore(to));
    }

    /** Builds an {@link InboundRequestQuery}. */
    public static final class Builder {
        private @Nullable InboundRequestStatus status;
        private @Nullable String integrationObject;
        private @Nullable String integrationKey;
        private @Nullable String messageId;
        private @Nullable String user;
        private @Nullable Instant from;
        private @Nullable Instant to;
        private int offset;
        private int limit = 1000;

        private Builder() {
        }

        /** Only this status. */
        public Builder status(@Nullable InboundRequestStatus status) {
            this.status = status;
            return this;
        }

        /** Only this integration object. */
        public Builder integrationObject(@Nullable String code) {
            this.integrationObject = code;
            return this;
        }

        /** Only requests that touched the item of this integration key. */
        public Builder integrationKey(@Nullable String key) {
            this.integrationKey = key;
            return this;
        }

        /** Only this message id ({@code integrationMessageId} or {@code SAP_MessageProcessingLogID}). */
        public Builder messageId(@Nullable String id) {
            this.messageId = id;
            return this;
        }

        /** Only requests of this user. */
        public Builder user(@Nullable String name) {
            this.user = name;
            return this;
        }

        /** Only requests at or after this instant. */
        public Builder from(@Nullable Instant from) {
            this.from = from;
            return this;
        }

        /** Only requests before this instant. */
        public Builder to(@Nullable Instant to) {
            this.to = to;
            return this;
        }

        /** Skips this many matching records, newest first (default 0): with {@link #limit(int)}, selects a page. */
        public Builder offset(int offset) {
            this.offset = offset;
            return this;
        }

        /** At most this many (default 1000). */
        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        /**
         * Returns the query.
         *
         * @throws IllegalArgumentException when the limit is below 1 or the offset negative
         */
        public InboundRequestQuery build() {
            return new InboundRequestQuery(status, integrationObject, integrationKey, messageId, user, from, to,
                    offset, limit);
        }
    }
}
