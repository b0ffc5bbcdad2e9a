package dev.ioflow.destinations;

import dev.ioflow.destinations.internal.HttpTokens;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One request to a destination, relative to its URL. Immutable; build with {@link #builder()}.
 *
 * <pre>{@code
 * DestinationRequest request = DestinationRequest.builder()
 *         .path("customers")
 *         .json("{\"id\":\"42\"}")
 *         .cloudEvent("sap.cx.commerce.Customer.Updated.v1", "/ioflow/shop", "42")
 *         .build();
 * DestinationResponse response = client.send("crm", request);
 * }</pre>
 *
 * @since 0.1
 */
public final class DestinationRequest {
    /** The media type of {@link Builder#json(byte[])} bodies. */
    public static final String APPLICATION_JSON = "application/json";

    private static final Set<String> NO_BODY_METHODS = Set.of("GET", "HEAD");

    private final String method;
    private final String path;
    private final List<Map.Entry<String, String>> queryParameters;
    private final Map<String, String> headers;
    private final byte @Nullable [] body;
    private final @Nullable String mediaType;
    private final @Nullable String messageId;
    private final @Nullable CloudEvent cloudEvent;

    private DestinationRequest(Builder b) {
        this.method = b.method;
        this.path = b.path;
        this.queryParameters = List.copyOf(b.queryParameters);
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        this.body = b.body;
        this.mediaType = b.mediaType;
        this.messageId = b.messageId;
        this.cloudEvent = b.cloudEvent;
    }

    /**
     * Starts a request: POST to the destination URL itself, no body.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder initialised with this request's values.
     *
     * @return a new builder
     */
    public Builder newBuilder() {
        Builder b = new Builder().method(method).path(path);
        b.queryParameters.addAll(queryParameters);
        b.headers.putAll(headers);
        b.body = body;
        b.mediaType = mediaType;
        b.messageId = messageId;
        b.cloudEvent = cloudEvent;
        return b;
    }

    /** @return the HTTP method, upper case */
    public String method() {
        return method;
    }

    /** @return the path relative to the destination URL; empty for the URL itself */
    public String path() {
        return path;
    }

    /** @return query parameters in order (names may repeat) */
    public List<Map.Entry<String, String>> queryParameters() {
        return queryParameters;
    }

    /** @return request headers added to the destination's headers */
    public Map<String, String> headers() {
        return headers;
    }

    /** @return a copy of the body; null when the request has none */
    public byte @Nullable [] body() {
        return body == null ? null : body.clone();
    }

    /** @return the body's media type; null when the request has no body */
    public @Nullable String mediaType() {
        return mediaType;
    }

    /** @return the message id; null when not set, and then the client generates one */
    public @Nullable String messageId() {
        return messageId;
    }

    /** @return the CloudEvents attributes; null when not set */
    public @Nullable CloudEvent cloudEvent() {
        return cloudEvent;
    }

    /** Shows method, path, header names and body size; never header values or the body. */
    @Override
    public String toString() {
        return "DestinationRequest[" + method + " '" + path + "', headers=" + headers.keySet()
                + ", body=" + (body == null ? "none" : body.length + " bytes " + mediaType)
                + (messageId == null ? "" : ", messageId=" + messageId) + "]";
    }

    /**
     * Builds an {@link DestinationRequest}.
     *
     * @since 0.1
     */
    public static final class Builder {
        private String method = "POST";
        private String path = "";
        private final List<Map.Entry<String, String>> queryParameters = new ArrayList<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte @Nullable [] body;
        private @Nullable String mediaType;
        private @Nullable String messageId;
        private @Nullable CloudEvent cloudEvent;

        private Builder() {
        }

        /**
         * @param method the HTTP method (default POST)
         * @return this builder
         */
        public Builder method(String method) {
            String m = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
            if (!HttpTokens.isToken(m)) {
                throw new IllegalArgumentException("'" + method + "' is not an HTTP method");
            }
            this.method = m;
            return this;
        }

        /**
         * @param path a path relative to the destination URL, e.g. {@code contact} or {@code customers/42};
         *             a leading {@code /} is ignored and {@code .}/{@code ..} segments are rejected, so it never
         *             leaves the destination's base path
         * @return this builder
         */
        public Builder path(String path) {
            Objects.requireNonNull(path, "path");
            for (String segment : path.split("/", -1)) {
                if (segment.equals(".") || segment.equals("..")) {
                    // OkHttp resolves dot segments, which would climb out of the destination's base path.
                    throw new IllegalArgumentException("path '" + path + "' must not contain '.' or '..' segments");
                }
            }
            this.path = path;
            return this;
        }

        /**
         * Appends a query parameter.
         *
         * @param name the name
         * @param value the value; null for a bare name
         * @return this builder
         */
        public Builder queryParameter(String name, @Nullable String value) {
            queryParameters.add(new java.util.AbstractMap.SimpleImmutableEntry<>(Objects.requireNonNull(name, "name"), value));
            return this;
        }

        /**
         * Adds or replaces a request header.
         *
         * @param name the header name
         * @param value the value
         * @return this builder
         */
        public Builder header(String name, String value) {
            if (!HttpTokens.isToken(name)) {
                throw new IllegalArgumentException("'" + name + "' is not a valid HTTP header name");
            }
            if (!HttpTokens.isValidValue(value)) {
                throw new IllegalArgumentException("value of header '" + name + "' is null or contains control or non-ASCII characters");
            }
            headers.put(name, value);
            return this;
        }

        /**
         * @param body the body bytes (copied)
         * @param mediaType its media type, e.g. {@code application/xml}
         * @return this builder
         */
        public Builder body(byte[] body, String mediaType) {
            this.body = Objects.requireNonNull(body, "body").clone();
            this.mediaType = Objects.requireNonNull(mediaType, "mediaType");
            return this;
        }

        /**
         * @param json a JSON body, sent as {@code application/json}
         * @return this builder
         */
        public Builder json(byte[] json) {
            return body(json, APPLICATION_JSON);
        }

        /**
         * @param json a JSON body, UTF-8 encoded and sent as {@code application/json}
         * @return this builder
         */
        public Builder json(String json) {
            return json(json.getBytes(StandardCharsets.UTF_8));
        }

        /**
         * @param messageId the message id sent as {@code X-Message-Id} (and {@code ce-id}); null (the default) to
         *                  have the client generate one
         * @return this builder
         */
        public Builder messageId(@Nullable String messageId) {
            if (messageId != null && !HttpTokens.isValidValue(messageId)) {
                throw new IllegalArgumentException("message id contains control or non-ASCII characters");
            }
            this.messageId = messageId;
            return this;
        }

        /**
         * Sets the CloudEvents attributes without an event time ({@code ce-time} is then the send time); use
         * {@link #cloudEvent(CloudEvent)} with {@link CloudEvent.Builder#time} to send when the event happened.
         *
         * @param type the event type
         * @param source the event source, a URI-reference
         * @param subject the subject; null for none
         * @return this builder
         * @throws IllegalArgumentException when the type is blank or the source is not a URI-reference
         */
        public Builder cloudEvent(String type, String source, @Nullable String subject) {
            return cloudEvent(CloudEvent.builder(type, source).subject(subject).build());
        }

        /**
         * Sets the CloudEvents attributes, sent as {@code ce-*} headers when the destination has CloudEvents on.
         *
         * @param cloudEvent the attributes; null for none
         * @return this builder
         * @since 1.0
         */
        public Builder cloudEvent(@Nullable CloudEvent cloudEvent) {
            this.cloudEvent = cloudEvent;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws IllegalArgumentException when a GET or HEAD request has a body
         */
        public DestinationRequest build() {
            if (body != null && NO_BODY_METHODS.contains(method)) {
                throw new IllegalArgumentException(method + " request must not have a body");
            }
            return new DestinationRequest(this);
        }
    }
}
