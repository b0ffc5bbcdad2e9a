package dev.ioflow.webhook;

import java.time.Instant;

/**
 * Selects {@link OutboundRequest}s from an {@link OutboundMonitor}: every criterion left null matches all.
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
 * @param status            only this status
 * @param integrationObject only this integration object
 * @param integrationKey    only this integration key
 * @param destinationId     only this destination
 * @param messageId         only this message id
 * @param from              only attempts at or after this instant
 * @param to                only attempts before this instant
 * @param limit             at most this many, newest first
 * @since 0.1
 */
public record OutboundRequestQuery(OutboundRequestStatus status, String integrationObject, String integrationKey,
                                   String destinationId, String messageId, Instant from, Instant to, int limit) {

    /** Checks the limit. */
    public OutboundRequestQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("query limit must be at least 1, got " + limit);
        }
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
    public boolean matches(OutboundRequest r) {
        return (status == null || status == r.status())
                && (integrationObject == null || integrationObject.equals(r.integrationObject()))
                && (integrationKey == null || integrationKey.equals(r.integrationKey()))
                && (destinationId == null || destinationId.equals(r.destinationId()))
                && (messageId == null || messageId.equals(r.messageId()))
                && (from == null || !r.attemptedAt().isBefore(from))
                && (to == null || r.attemptedAt().isBefore(to));
    }

    /** Builds an {@link OutboundRequestQuery}. */
    public static final class Builder {
        private OutboundRequestStatus status;
        private String integrationObject;
        private String integrationKey;
        private String destinationId;
        private String messageId;
        private Instant from;
        private Instant to;
        private int limit = 1000;

        private Builder() {
        }

        /** Only this status. */
        public Builder status(OutboundRequestStatus status) {
            this.status = status;
            return this;
        }

        /** Only this integration object. */
        public Builder integrationObject(String code) {
            this.integrationObject = code;
            return this;
        }

        /** Only this integration key. */
        public Builder integrationKey(String key) {
            this.integrationKey = key;
            return this;
        }

        /** Only this destination. */
        public Builder destinationId(String id) {
            this.destinationId = id;
            return this;
        }

        /** Only this message id. */
        public Builder messageId(String id) {
            this.messageId = id;
            return this;
        }

        /** Only attempts at or after this instant. */
        public Builder from(Instant from) {
            this.from = from;
            return this;
        }

        /** Only attempts before this instant. */
        public Builder to(Instant to) {
            this.to = to;
            return this;
        }

        /** At most this many (default 1000). */
        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        /** Returns the query. */
        public OutboundRequestQuery build() {
            return new OutboundRequestQuery(status, integrationObject, integrationKey, destinationId, messageId,
                    from, to, limit);
        }
    }
}
