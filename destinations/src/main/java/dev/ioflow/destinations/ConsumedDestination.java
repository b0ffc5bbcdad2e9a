package dev.ioflow.destinations;

import dev.ioflow.destinations.internal.DestinationRules;
import dev.ioflow.destinations.internal.Urls;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

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
 * properties, whose values may be secret, and the URL {@linkplain #redactedUrl() redacted}.
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
    /**
     * The longest timeout a destination accepts: 24 hours. Longer ones are configuration mistakes (and beyond
     * about 24 days OkHttp cannot represent them at all).
     *
     * @since 1.0
     */
    public static final Duration MAX_TIMEOUT = Duration.ofHours(24);

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
    private final @Nullable String csrfUrl;
    private final boolean followSameOriginRedirects;

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
        this.csrfUrl = b.csrfUrl == null ? null : b.csrfUrl.strip();
        this.followSameOriginRedirects = b.followSameOriginRedirects;
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
                .cloudEvents(cloudEvents)
                .csrfUrl(csrfUrl)
                .followSameOriginRedirects(followSameOriginRedirects);
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

    /**
     * The URL as logs, messages and monitoring show it: scheme, host and port, with {@code /…} for any path
     * or query, which may hold a secret (webhook URLs such as {@code https://hooks.example.com/services/T/B/SECRET}
     * show as {@code https://hooks.example.com/…}).
     *
     * @return the redacted URL
     * @since 1.0
     */
    public String redactedUrl() {
        return Urls.redacted(url);
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

    /**
     * The URL a CSRF token is fetched from before writes (SAP's {@code csrfURL}), for receivers such as SAP Cloud
     * Integration: before the first POST, PUT, PATCH or DELETE the client sends {@code HEAD} (then {@code GET}
     * when HEAD brings no token) with {@code X-CSRF-Token: Fetch}, keeps the token and the session cookies of
     * the answer, sends them with every write, and fetches a new token once when a write is answered 403 with
     * {@code X-CSRF-Token: Required}. Same origin as {@link #url()}.
     *
     * @return the CSRF token URL; null when no token is fetched (the default)
     * @since 1.0
     */
    public @Nullable String csrfUrl() {
        return csrfUrl;
    }

    /**
     * Whether redirects to the destination's own origin (scheme, host and port) are followed. Off by default:
     * a 3xx is then returned as the response, which callers treat as a failure (webhooks: a dead letter).
     * When on, 307 and 308 are followed with method and body kept, 301, 302 and 303 only for GET and HEAD
     * (a POST would otherwise turn into a GET and lose its body); a redirect to another origin, or from
     * https to http, is never followed and its 3xx is returned.
     *
     * @return whether same-origin redirects are followed
     * @since 1.0
     */
    public boolean followSameOriginRedirects() {
        return followSameOriginRedirects;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConsumedDestination that
                && id.equals(that.id) && url.equals(that.url) && credential.equals(that.credential)
                && headers.equals(that.headers) && connectTimeout.equals(that.connectTimeout)
                && readTimeout.equals(that.readTimeout) && callTimeout.equals(that.callTimeout)
                && active == that.active && additionalProperties.equals(that.additionalProperties)
                && allowInsecureHttp == that.allowInsecureHttp && cloudEvents == that.cloudEvents
                && Objects.equals(csrfUrl, that.csrfUrl) && followSameOriginRedirects == that.followSameOriginRedirects;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, url, credential, headers, connectTimeout, readTimeout, callTimeout, active,
                additionalProperties, allowInsecureHttp, cloudEvents, csrfUrl, followSameOriginRedirects);
    }

    @Override
    public String toString() {
        return "ConsumedDestination[id=" + id + ", url=" + Urls.redacted(url) + ", credential=" + credential
                + ", headers=" + headers.keySet() + ", timeouts=" + connectTimeout + "/" + readTimeout + "/" + callTimeout
                + ", active=" + active + ", additionalProperties=" + additionalProperties.keySet()
                + ", allowInsecureHttp=" + allowInsecureHttp + ", cloudEvents=" + cloudEvents
                + (csrfUrl == null ? "" : ", csrfUrl=" + Urls.redacted(csrfUrl))
                + ", followSameOriginRedirects=" + followSameOriginRedirects + "]";
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
        private @Nullable String csrfUrl;
        private boolean followSameOriginRedirects;

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
         * Fetches a CSRF token from this URL before writes; see {@link ConsumedDestination#csrfUrl()}.
         *
         * @param csrfUrl an absolute http(s) URL with the destination URL's origin; null for none (default)
         * @return this builder
         * @since 1.0
         */
        public Builder csrfUrl(@Nullable String csrfUrl) {
            this.csrfUrl = csrfUrl;
            return this;
        }

        /**
         * Follows redirects within the destination's origin; see {@link ConsumedDestination#followSameOriginRedirects()}.
         *
         * @param followSameOriginRedirects whether to follow them (default false: a 3xx is returned)
         * @return this builder
         * @since 1.0
         */
        public Builder followSameOriginRedirects(boolean followSameOriginRedirects) {
            this.followSameOriginRedirects = followSameOriginRedirects;
            return this;
        }

        /**
         * Builds the destination.
         *
         * @return the destination
         * @throws DestinationConfigException listing every problem: blank id, malformed or insecure URL, bad header,
         *         timeout under 1 ms or over {@link ConsumedDestination#MAX_TIMEOUT}, CSRF URL of another origin
         */
        public ConsumedDestination build() {
            DestinationRules.check(new DestinationRules.Settings(id, url, credential, headers, allowInsecureHttp,
                    connectTimeout, readTimeout, callTimeout, csrfUrl));
            return new ConsumedDestination(this);
        }
    }
}
