package dev.ioflow.destinations;

import dev.ioflow.destinations.internal.DestinationRules;
import dev.ioflow.destinations.internal.Urls;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A remote endpoint ioflow sends to: SAP Commerce's <em>Consumed Destination</em>. Immutable; build it in
 * code or load it with {@link DestinationRegistry#load}. Building checks the URL and the HTTPS rule: plain
 * HTTP is refused unless the host is loopback or {@link Builder#allowInsecureHttp(boolean)} is set.
 *
 * <pre>{@code
 * ConsumedDestination crm = ConsumedDestination.builder("crm", "https://crm.example.com/api/")
 *         .credential(Credential.basic("integration", secret))
 *         .header("X-Tenant", "acme")
 *         .readTimeout(Duration.ofSeconds(10))
 *         .cloudEvents(true)
 *         .build();
 * }</pre>
 *
 * <p>{@code toString()} shows the credential masked and only the names of headers and additional
 * properties, whose values may be secret.
 *
 * @since 0.1
 */
public final class ConsumedDestination {
    /** Default connect timeout, SAP's 20 s. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(20);
    /** Default read (socket) timeout, SAP's 20 s. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(20);
    /** Default timeout of a whole call, including retries after a 401: 60 s. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);

    private final String id;
    private final String url;
    private final Credential credential;
    private final Map<String, String> headers;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration callTimeout;
    private final boolean active;
    private final Map<String, String> additionalProperties;
    private final boolean allowInsecureHttp;
    private final boolean cloudEvents;

    private ConsumedDestination(Builder b) {
        this.id = b.id;
        this.url = b.url.strip();
        this.credential = b.credential;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.callTimeout = b.callTimeout;
        this.active = b.active;
        this.additionalProperties = Collections.unmodifiableMap(new LinkedHashMap<>(b.additionalProperties));
        this.allowInsecureHttp = b.allowInsecureHttp;
        this.cloudEvents = b.cloudEvents;
    }

    /**
     * Starts a destination.
     *
     * @param id the destination id, unique in its registry
     * @param url the absolute http(s) URL requests go to (request paths are appended to it)
     * @return a builder with the defaults: no credential, 20 s/20 s/60 s timeouts, active, HTTPS required
     */
    public static Builder builder(String id, String url) {
        return new Builder(id, url);
    }

    /**
     * A builder initialised with this destination's values.
     *
     * @return a new builder
     */
    public Builder newBuilder() {
        Builder b = new Builder(id, url)
                .credential(credential)
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .callTimeout(callTimeout)
                .active(active)
                .allowInsecureHttp(allowInsecureHttp)
                .cloudEvents(cloudEvents);
        b.headers.putAll(headers);
        b.additionalProperties.putAll(additionalProperties);
        return b;
    }

    /** @return the destination id */
    public String id() {
        return id;
    }

    /** @return the absolute http(s) URL */
    public String url() {
        return url;
    }

    /** @return the credential; {@link Credential#none()} when unauthenticated */
    public Credential credential() {
        return credential;
    }

    /** @return extra headers sent with every request, in insertion order */
    public Map<String, String> headers() {
        return headers;
    }

    /** @return the TCP connect timeout */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** @return the read (and write) timeout between bytes */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** @return the timeout of a whole call */
    public Duration callTimeout() {
        return callTimeout;
    }

    /** @return whether calls may be made; inactive destinations refuse to send */
    public boolean active() {
        return active;
    }

    /** @return free-form properties (SAP's additional properties), in insertion order */
    public Map<String, String> additionalProperties() {
        return additionalProperties;
    }

    /** @return whether plain HTTP to a non-loopback host was explicitly allowed */
    public boolean allowInsecureHttp() {
        return allowInsecureHttp;
    }

    /** @return whether CloudEvents {@code ce-*} headers are sent */
    public boolean cloudEvents() {
        return cloudEvents;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConsumedDestination that
                && id.equals(that.id) && url.equals(that.url) && credential.equals(that.credential)
                && headers.equals(that.headers) && connectTimeout.equals(that.connectTimeout)
                && readTimeout.equals(that.readTimeout) && callTimeout.equals(that.callTimeout)
                && active == that.active && additionalProperties.equals(that.additionalProperties)
                && allowInsecureHttp == that.allowInsecureHttp && cloudEvents == that.cloudEvents;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, url, credential, headers, connectTimeout, readTimeout, callTimeout, active,
                additionalProperties, allowInsecureHttp, cloudEvents);
    }

    @Override
    public String toString() {
        return "ConsumedDestination[id=" + id + ", url=" + Urls.redact(url) + ", credential=" + credential
                + ", headers=" + headers.keySet() + ", timeouts=" + connectTimeout + "/" + readTimeout + "/" + callTimeout
                + ", active=" + active + ", additionalProperties=" + additionalProperties.keySet()
                + ", allowInsecureHttp=" + allowInsecureHttp + ", cloudEvents=" + cloudEvents + "]";
    }

    /**
     * Builds a {@link ConsumedDestination}; setters are named like the accessors.
     *
     * @since 0.1
     */
    public static final class Builder {
        private String id;
        private String url;
        private Credential credential = Credential.none();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
        private boolean active = true;
        private final Map<String, String> additionalProperties = new LinkedHashMap<>();
        private boolean allowInsecureHttp;
        private boolean cloudEvents;

        private Builder(String id, String url) {
            this.id = id;
            this.url = url;
        }

        /**
         * @param id the destination id
         * @return this builder
         */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /**
         * @param url the absolute http(s) URL
         * @return this builder
         */
        public Builder url(String url) {
            this.url = url;
            return this;
        }

        /**
         * @param credential how to authenticate; {@link Credential#none()} for no authentication
         * @return this builder
         */
        public Builder credential(Credential credential) {
            this.credential = Objects.requireNonNull(credential, "credential");
            return this;
        }

        /**
         * Replaces all extra headers.
         *
         * @param headers header name to value
         * @return this builder
         */
        public Builder headers(Map<String, String> headers) {
            this.headers.clear();
            headers.forEach(this::header);
            return this;
        }

        /**
         * Adds or replaces one extra header sent with every request.
         *
         * @param name the header name
         * @param value the value
         * @return this builder
         */
        public Builder header(String name, String value) {
            this.headers.put(Objects.requireNonNull(name, "header name"), Objects.requireNonNull(value, "header value"));
            return this;
        }

        /**
         * @param connectTimeout the TCP connect timeout, positive
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
            return this;
        }

        /**
         * @param readTimeout the read and write timeout, positive
         * @return this builder
         */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
            return this;
        }

        /**
         * @param callTimeout the whole-call timeout, positive
         * @return this builder
         */
        public Builder callTimeout(Duration callTimeout) {
            this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout");
            return this;
        }

        /**
         * @param active whether calls may be made (default true)
         * @return this builder
         */
        public Builder active(boolean active) {
            this.active = active;
            return this;
        }

        /**
         * Replaces all additional properties.
         *
         * @param additionalProperties property name to value
         * @return this builder
         */
        public Builder additionalProperties(Map<String, String> additionalProperties) {
            this.additionalProperties.clear();
            additionalProperties.forEach(this::additionalProperty);
            return this;
        }

        /**
         * Adds or replaces one additional property.
         *
         * @param key the property name
         * @param value the value
         * @return this builder
         */
        public Builder additionalProperty(String key, String value) {
            this.additionalProperties.put(Objects.requireNonNull(key, "property name"), Objects.requireNonNull(value, "property value"));
            return this;
        }

        /**
         * Allows plain HTTP to a non-loopback host. Off by default: only for networks you trust.
         *
         * @param allowInsecureHttp whether to allow it
         * @return this builder
         */
        public Builder allowInsecureHttp(boolean allowInsecureHttp) {
            this.allowInsecureHttp = allowInsecureHttp;
            return this;
        }

        /**
         * @param cloudEvents whether requests carrying a CloudEvent get {@code ce-*} headers (default false)
         * @return this builder
         */
        public Builder cloudEvents(boolean cloudEvents) {
            this.cloudEvents = cloudEvents;
            return this;
        }

        /**
         * Builds the destination.
         *
         * @return the destination
         * @throws DestinationConfigException listing every problem: blank id, malformed or insecure URL, bad header,
         *         non-positive timeout
         */
        public ConsumedDestination build() {
            DestinationRules.check(id, url, credential, headers, allowInsecureHttp, connectTimeout, readTimeout, callTimeout);
            return new ConsumedDestination(this);
        }
    }
}
