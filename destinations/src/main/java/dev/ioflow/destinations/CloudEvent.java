package dev.ioflow.destinations;

import dev.ioflow.destinations.internal.UriReferences;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The CloudEvents attributes of a request, sent as {@code ce-*} headers (HTTP binary mode) when the destination
 * has {@link ConsumedDestination#cloudEvents()} on. {@code ce-id} is the request's message id, so it is the same on
 * every redelivery; {@code ce-time} is {@link #time()} in RFC 3339, the time the change happened, which the
 * caller gives so that it too is the same on every redelivery.
 *
 * <pre>{@code
 * CloudEvent event = CloudEvent.builder("sap.cx.commerce.ioCustomer.Updated.v1", "/shop/eu")
 *         .subject("C-42")
 *         .time(change.changedAt())
 *         .build();
 * DestinationRequest request = DestinationRequest.builder().json(payload).cloudEvent(event).build();
 * }</pre>
 *
 * @since 1.0
 */
public final class CloudEvent {
    private final String type;
    private final String source;
    private final @Nullable String subject;
    private final @Nullable Instant time;

    private CloudEvent(Builder b) {
        this.type = b.type;
        this.source = b.source;
        this.subject = b.subject;
        this.time = b.time;
    }

    /**
     * Starts an event.
     *
     * @param type the event type, e.g. {@code sap.cx.commerce.ioCustomer.Updated.v1}; not blank
     * @param source the event source, a URI-reference (RFC 3986) such as {@code /shop/eu} or {@code urn:shop:eu}
     * @return a builder
     * @throws IllegalArgumentException when the type is blank or the source is not a URI-reference
     */
    public static Builder builder(String type, String source) {
        return new Builder(type, source);
    }

    /**
     * Checks that a text can be a {@code ce-source}: a non-empty URI-reference (RFC 3986) that
     * {@link java.net.URI} also reads, as the CloudEvents SDKs do. For configuration that holds a source,
     * so that {@code shop|eu} is rejected when configured, not when the first event is sent.
     *
     * @param source the source
     * @return the source
     * @throws IllegalArgumentException naming the source and the first offending character
     */
    public static String requireValidSource(String source) {
        String problem = UriReferences.problem(Objects.requireNonNull(source, "source"));
        if (problem != null) {
            throw new IllegalArgumentException("CloudEvents source '" + source + "' is not a URI-reference (RFC 3986): "
                    + problem);
        }
        return source;
    }

    /** @return the event type */
    public String type() {
        return type;
    }

    /** @return the event source, a URI-reference */
    public String source() {
        return source;
    }

    /** @return the subject (SAP: the integration key); null for none */
    public @Nullable String subject() {
        return subject;
    }

    /** @return when the event happened; null when not given, and then {@code ce-time} is the send time */
    public @Nullable Instant time() {
        return time;
    }

    /**
     * A builder initialised with this event's values.
     *
     * @return a new builder
     */
    public Builder newBuilder() {
        return new Builder(type, source).subject(subject).time(time);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof CloudEvent that && type.equals(that.type) && source.equals(that.source)
                && Objects.equals(subject, that.subject) && Objects.equals(time, that.time);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, source, subject, time);
    }

    @Override
    public String toString() {
        return "CloudEvent[type=" + type + ", source=" + source + ", subject=" + subject + ", time=" + time + "]";
    }

    /**
     * Builds a {@link CloudEvent}.
     *
     * @since 1.0
     */
    public static final class Builder {
        /** RFC 3339 has four-digit years: the range {@code ce-time} can express. */
        private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
        private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

        private final String type;
        private final String source;
        private @Nullable String subject;
        private @Nullable Instant time;

        private Builder(String type, String source) {
            if (type == null || type.isBlank()) {
                throw new IllegalArgumentException("CloudEvent type must not be blank");
            }
            this.type = type;
            this.source = requireValidSource(source);
        }

        /**
         * @param subject the subject (SAP: the integration key); null for none
         * @return this builder
         */
        public Builder subject(@Nullable String subject) {
            this.subject = subject;
            return this;
        }

        /**
         * @param time when the event happened, sent as {@code ce-time} in RFC 3339 (UTC); null to send the send time
         * @return this builder
         * @throws IllegalArgumentException when the time lies outside the years 0000 to 9999
         */
        public Builder time(@Nullable Instant time) {
            if (time != null && (time.isBefore(EARLIEST) || time.isAfter(LATEST))) {
                throw new IllegalArgumentException("CloudEvent time " + time + " is outside the years 0000-9999 that RFC 3339 can write");
            }
            this.time = time;
            return this;
        }

        /**
         * @return the event
         */
        public CloudEvent build() {
            return new CloudEvent(this);
        }
    }
}
