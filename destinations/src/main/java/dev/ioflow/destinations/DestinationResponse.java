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
 * client's {@code maxResponseBytes}.
 *
 * @param status the HTTP status code
 * @param headers the response headers; the map looks names up case-insensitively
 * @param body the body bytes, at most {@code maxResponseBytes}
 * @param bodyTruncated whether the body was longer than the cap and was cut
 * @param messageId the message id the request carried ({@code X-Message-Id})
 * @param duration how long the call took
 * @since 0.1
 */
public record DestinationResponse(int status, Map<String, List<String>> headers, byte[] body, boolean bodyTruncated,
                                  String messageId, Duration duration) {

    /** Copies the headers into an immutable, case-insensitive map and the body into a private array. */
    public DestinationResponse {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Objects.requireNonNull(headers, "headers").forEach((name, values) ->
                copy.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
        copy.replaceAll((name, values) -> List.copyOf(values));
        headers = Collections.unmodifiableMap(copy);
        body = Objects.requireNonNull(body, "body").clone();
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(duration, "duration");
    }

    /** @return a copy of the (possibly truncated) body */
    @Override
    public byte[] body() {
        return body.clone();
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
}
