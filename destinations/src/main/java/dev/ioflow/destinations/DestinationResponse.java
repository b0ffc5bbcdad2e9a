package dev.ioflow.destinations;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP response a destination returned, whatever its status (a 4xx or 5xx is a response, not an
 * exception; a 3xx to an authenticated call is returned rather than followed). The body is capped at the
 * client's {@code maxResponseBytes}. Immutable; {@link DestinationClient#send} creates it, tests can build one with
 * {@link #builder(int)}.
 *
 * @since 0.1
 */
public final class DestinationResponse {
    private final int status;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final boolean bodyTruncated;
    private final String messageId;
    private final Duration duration;

    private DestinationResponse(Builder b) {
        this.status = b.status;
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        b.headers.forEach((name, values) -> copy.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
        copy.replaceAll((name, values) -> List.copyOf(values));
        this.headers = Collections.unmodifiableMap(copy);
        this.body = b.body;
        this.bodyTruncated = b.bodyTruncated;
        this.messageId = b.messageId;
        this.duration = b.duration;
    }

    /**
     * Starts a response with this status, no headers, an empty body, message id {@code ""} and duration zero.
     *
     * @param status the HTTP status code
     * @return a new builder
     */
    public static Builder builder(int status) {
        return new Builder(status);
    }

    /**
     * A builder initialised with this response's values.
     *
     * @return a new builder
     */
    public Builder newBuilder() {
        return new Builder(status).headers(headers).body(body).bodyTruncated(bodyTruncated).messageId(messageId)
                .duration(duration);
    }

    /** @return the HTTP status code */
    public int status() {
        return status;
    }

    /** @return the response headers, immutable; the map looks names up case-insensitively */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** @return a copy of the (possibly truncated) body, at most {@code maxResponseBytes} */
    public byte[] body() {
        return body.clone();
    }

    /** @return whether the body was longer than the cap and was cut */
    public boolean bodyTruncated() {
        return bodyTruncated;
    }

    /** @return the message id the request carried ({@code X-Message-Id}) */
    public String messageId() {
        return messageId;
    }

    /** @return how long the call took */
    public Duration duration() {
        return duration;
    }

    /**
     * The first value of a header, looked up case-insensitively.
     *
     * @param name the header name
     * @return the first value; null when the response has no such header
     */
    public @Nullable String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** @return whether the status is 2xx */
    public boolean isSuccessful() {
        return status >= 200 && status < 300;
    }

    /** @return the body decoded as UTF-8 */
    public String bodyString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof DestinationResponse that && status == that.status && headers.equals(that.headers)
                && Arrays.equals(body, that.body) && bodyTruncated == that.bodyTruncated
                && messageId.equals(that.messageId) && duration.equals(that.duration);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, headers, Arrays.hashCode(body), bodyTruncated, messageId, duration);
    }

    /** Shows the status, header names and body size; never header values (cookies) or the body. */
    @Override
    public String toString() {
        return "DestinationResponse[status=" + status + ", headers=" + headers.keySet() + ", body=" + body.length
                + " bytes" + (bodyTruncated ? " (truncated)" : "") + ", messageId=" + messageId + ", duration=" + duration + "]";
    }

    /**
     * Builds a {@link DestinationResponse}.
     *
     * @since 1.0
     */
    public static final class Builder {
        private final int status;
        private Map<String, List<String>> headers = Map.of();
        private byte[] body = new byte[0];
        private boolean bodyTruncated;
        private String messageId = "";
        private Duration duration = Duration.ZERO;

        private Builder(int status) {
            if (status < 100 || status > 999) {
                throw new IllegalArgumentException("HTTP status must be 100 to 999: " + status);
            }
            this.status = status;
        }

        /**
         * @param headers the response headers (copied; names are looked up case-insensitively)
         * @return this builder
         */
        public Builder headers(Map<String, List<String>> headers) {
            this.headers = Objects.requireNonNull(headers, "headers");
            return this;
        }

        /**
         * @param body the body bytes (copied)
         * @return this builder
         */
        public Builder body(byte[] body) {
            this.body = Objects.requireNonNull(body, "body").clone();
            return this;
        }

        /**
         * @param bodyTruncated whether the body was cut at the client's cap
         * @return this builder
         */
        public Builder bodyTruncated(boolean bodyTruncated) {
            this.bodyTruncated = bodyTruncated;
            return this;
        }

        /**
         * @param messageId the message id the request carried
         * @return this builder
         */
        public Builder messageId(String messageId) {
            this.messageId = Objects.requireNonNull(messageId, "messageId");
            return this;
        }

        /**
         * @param duration how long the call took
         * @return this builder
         */
        public Builder duration(Duration duration) {
            this.duration = Objects.requireNonNull(duration, "duration");
            return this;
        }

        /** @return the response */
        public DestinationResponse build() {
            return new DestinationResponse(this);
        }
    }
}
