package dev.ioflow.odata;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@link InboundService#handle}: status, headers and the complete body.
 *
 * @since 1.0
 */
public final class InboundHttpResponse {
    private final int status;
    private final Map<String, String> headers;
    private final byte[] body;

    private InboundHttpResponse(int status, Map<String, String> headers, byte[] body) {
        this.status = status;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        this.body = body;
    }

    /** A response; the body is copied. */
    public static InboundHttpResponse of(int status, Map<String, String> headers, byte[] body) {
        return new InboundHttpResponse(status, Objects.requireNonNull(headers, "headers"), body.clone());
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }

    /** The headers to send (Content-Type, DataServiceVersion, Location, WWW-Authenticate…). */
    public Map<String, String> headers() {
        return headers;
    }

    /** The value of header {@code name} (case-insensitive), or {@code null}. */
    public @Nullable String header(String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** A copy of the body bytes. */
    public byte[] body() {
        return body.clone();
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "InboundHttpResponse[" + status + ", " + headers.get("Content-Type") + ", " + body.length + " bytes]";
    }
}
