package dev.ioflow.odata;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP request as the framework-neutral {@link InboundService#handle} sees it. The adapters
 * ({@link InboundServer}, {@link InboundServlet}) build it from their containers' requests; anything else
 * (a test, another HTTP stack) can too.
 *
 * <pre>{@code
 * InboundHttpRequest request = InboundHttpRequest.builder("GET",
 *         URI.create("http://127.0.0.1:8080/odata2webservices/InboundProduct/Products?$top=5"))
 *     .header("Accept", "application/json")
 *     .header("Authorization", "Basic " + base64("cpi:secret"))
 *     .build();
 * }</pre>
 *
 * @since 1.0
 */
public final class InboundHttpRequest {
    private final String method;
    private final URI uri;
    private final Map<String, List<String>> headers;
    private final InputStream body;
    private final @Nullable InboundPrincipal principal;

    private InboundHttpRequest(Builder b) {
        this.method = b.method;
        this.uri = b.uri;
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        b.headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.headers = java.util.Collections.unmodifiableMap(copy);
        this.body = b.body;
        this.principal = b.principal;
    }

    /**
     * Starts a request.
     *
     * @param method the HTTP method, e.g. {@code GET}
     * @param uri    the absolute request URI exactly as received (path and query still percent-encoded)
     */
    public static Builder builder(String method, URI uri) {
        return new Builder(method, uri);
    }

    /** The HTTP method, upper case. */
    public String method() {
        return method;
    }

    /** The absolute request URI, path and query still percent-encoded. */
    public URI uri() {
        return uri;
    }

    /** Every header, names case-insensitive. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The first value of header {@code name}, or {@code null}. */
    public @Nullable String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The body; read once. */
    public InputStream body() {
        return body;
    }

    /**
     * The caller as the hosting server already authenticated it (e.g. Spring Security), or {@code null}: then the
     * service authenticates the {@code Authorization} header with its {@link InboundSecurity}.
     *
     * @since 1.0
     */
    public @Nullable InboundPrincipal principal() {
        return principal;
    }

    /** Builds {@link InboundHttpRequest}. */
    public static final class Builder {
        private final String method;
        private final URI uri;
        private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private InputStream body = InputStream.nullInputStream();
        private @Nullable InboundPrincipal principal;

        private Builder(String method, URI uri) {
            this.method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
            this.uri = Objects.requireNonNull(uri, "uri");
            if (!uri.isAbsolute()) {
                throw new IllegalArgumentException("the request URI must be absolute: " + uri);
            }
        }

        /** Adds a header value. */
        public Builder header(String name, String value) {
            headers.computeIfAbsent(Objects.requireNonNull(name, "name"), k -> new ArrayList<>())
                    .add(Objects.requireNonNull(value, "value"));
            return this;
        }

        /** The body as a stream (not read before {@link InboundService#handle}). */
        public Builder body(InputStream body) {
            this.body = Objects.requireNonNull(body, "body");
            return this;
        }

        /** The body as bytes (copied). */
        public Builder body(byte[] body) {
            return body(new ByteArrayInputStream(body.clone()));
        }

        /**
         * Marks the request as made by {@code principal}, whom the hosting server authenticated: the service then
         * checks only its rights. Set it only from a trusted authentication, never from request data.
         *
         * @since 1.0
         */
        public Builder principal(@Nullable InboundPrincipal principal) {
            this.principal = principal;
            return this;
        }

        /** The request. */
        public InboundHttpRequest build() {
            return new InboundHttpRequest(this);
        }
    }
}
