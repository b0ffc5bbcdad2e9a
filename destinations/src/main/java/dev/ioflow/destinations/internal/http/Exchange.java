package dev.ioflow.destinations.internal.http;

import dev.ioflow.destinations.ConsumedDestination;
import dev.ioflow.destinations.DestinationConfigException;
import dev.ioflow.destinations.DestinationResponse;
import dev.ioflow.destinations.DestinationRequest;
import dev.ioflow.destinations.CloudEvent;
import dev.ioflow.destinations.internal.Urls;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One request/response exchange with a destination: URL resolution, headers, capped body, failure mapping. */
public final class Exchange {
    private static final Logger LOG = LoggerFactory.getLogger(Exchange.class);
    private static final Set<String> BODY_REQUIRED = Set.of("POST", "PUT", "PATCH", "PROPPATCH", "REPORT");
    private static final byte[] EMPTY = new byte[0];
    private static final MediaType JSON_MEDIA_TYPE = MediaType.get(DestinationRequest.APPLICATION_JSON);
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final DestinationHttpClients clients;
    private final Clock clock;
    private final Supplier<String> messageIds;
    private final long maxResponseBytes;
    /** Base URLs that passed the HTTPS rule, by destination id: parsed and checked once, not per call. */
    private final ConcurrentMap<String, HttpUrl> checkedBaseUrls = new ConcurrentHashMap<>();

    /**
     * @param clients the per-destination clients
     * @param clock the clock for {@code ce-time} and durations
     * @param messageIds generates message ids for requests without one
     * @param maxResponseBytes the cap on kept response bodies
     */
    public Exchange(DestinationHttpClients clients, Clock clock, Supplier<String> messageIds, long maxResponseBytes) {
        this.clients = clients;
        this.clock = clock;
        this.messageIds = messageIds;
        this.maxResponseBytes = maxResponseBytes;
    }

    /** Sends the request to the (active) destination; see {@code DestinationClient#send}. */
    public DestinationResponse send(ConsumedDestination destination, DestinationRequest request) {
        HttpUrl url = resolve(destination, request);
        String requested = request.messageId();
        String messageId = requested != null ? requested : messageIds.get();
        Request httpRequest = toHttpRequest(destination, request, url, messageId);
        Instant start = clock.instant();
        try (Response response = clients.clientFor(destination).newCall(httpRequest).execute()) {
            byte[] body = readCapped(response.body());
            boolean truncated = body.length > maxResponseBytes;
            Duration duration = Duration.between(start, clock.instant());
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} {} to destination '{}' answered {} in {} ms (message {})", request.method(),
                        Urls.redacted(url), destination.id(), response.code(), duration.toMillis(), messageId);
            }
            return DestinationResponse.builder(response.code())
                    .headers(response.headers().toMultimap())
                    .body(truncated ? Arrays.copyOf(body, (int) maxResponseBytes) : body)
                    .bodyTruncated(truncated)
                    .messageId(messageId)
                    .duration(duration)
                    .build();
        } catch (IOException e) {
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} {} to destination '{}' failed (message {}): {}", request.method(), Urls.redacted(url),
                        destination.id(), messageId, e.toString());
            }
            throw TransportFailures.toException(destination, url, e);
        }
    }

    /**
     * The destination URL with the request's path and query appended. The base URL is checked against the
     * HTTPS rule again (this is what goes on the wire), once per destination.
     */
    HttpUrl resolve(ConsumedDestination destination, DestinationRequest request) {
        HttpUrl base = checkedBaseUrls.computeIfAbsent(destination.id(), id -> checkedBaseUrl(destination));
        String path = stripLeadingSlashes(request.path());
        if (path.isEmpty() && request.queryParameters().isEmpty()) {
            return base;
        }
        HttpUrl.Builder url = base.newBuilder();
        if (!path.isEmpty()) {
            url.addPathSegments(path);
        }
        request.queryParameters().forEach(p -> url.addQueryParameter(p.getKey(), p.getValue()));
        return url.build();
    }

    private static HttpUrl checkedBaseUrl(ConsumedDestination destination) {
        HttpUrl base = Urls.parseHttp(destination.url());
        if (base == null || !Urls.isSecureOrAllowed(base, destination.allowInsecureHttp())) {
            throw new DestinationConfigException("destination '" + destination.id() + "' url '" + Urls.redacted(destination.url())
                    + "' is not an https URL (plain HTTP is allowed for loopback hosts or with allowInsecureHttp)");
        }
        return base;
    }

    private static String stripLeadingSlashes(String path) {
        int start = 0;
        while (start < path.length() && path.charAt(start) == '/') {
            start++;
        }
        return path.substring(start);
    }

    private Request toHttpRequest(ConsumedDestination destination, DestinationRequest request, HttpUrl url, String messageId) {
        // The same headers, in the same precedence, as DestinationHeadersInterceptor adds (header() replaces, so
        // later ones win): the default Accept, the destination's headers, the request's own, the message id.
        Request.Builder builder = new Request.Builder().url(url)
                .header(DestinationHeadersInterceptor.ACCEPT, DestinationHeadersInterceptor.JSON);
        destination.headers().forEach(builder::header);
        request.headers().forEach(builder::header);
        builder.header(DestinationHeadersInterceptor.MESSAGE_ID, messageId);
        if (destination.cloudEvents()) {
            CloudEvent event = request.cloudEvent();
            if (event != null) {
                addCloudEventHeaders(builder, event, messageId);
            }
        }
        byte[] bytes = request.body();
        String mediaType = request.mediaType();
        RequestBody body = bytes != null && mediaType != null ? RequestBody.create(bytes, mediaType(mediaType))
                : BODY_REQUIRED.contains(request.method()) ? RequestBody.create(EMPTY, null) : null;
        return builder.method(request.method(), body).build();
    }

    private static MediaType mediaType(String value) {
        return DestinationRequest.APPLICATION_JSON.equals(value) ? JSON_MEDIA_TYPE : MediaType.parse(value);
    }

    private void addCloudEventHeaders(Request.Builder builder, CloudEvent event, String messageId) {
        builder.header("ce-id", messageId)
                .header("ce-specversion", "1.0")
                .header("ce-type", percentEncoded(event.type()))
                .header("ce-source", percentEncoded(event.source()))
                .header("ce-time", rfc3339(event.time() != null ? event.time() : clock.instant()));
        String subject = event.subject();
        if (subject != null) {
            builder.header("ce-subject", percentEncoded(subject));
        }
    }

    /** RFC 3339 in UTC, as ISO_INSTANT writes it; {@link CloudEvent} keeps times within four-digit years. */
    private static String rfc3339(Instant time) {
        return DateTimeFormatter.ISO_INSTANT.format(time);
    }

    /**
     * A CloudEvents attribute as an HTTP header value (HTTP binding 1.0.2, 3.1.3.2): space, {@code "}, {@code %}
     * and everything outside printable ASCII percent-encoded as UTF-8. Integration keys such as {@code Müller|DE}
     * would otherwise make OkHttp refuse the request.
     */
    static String percentEncoded(String value) {
        int i = 0;
        while (i < value.length() && !needsEncoding(value.charAt(i))) {
            i++;
        }
        if (i == value.length()) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 16).append(value, 0, i);
        for (byte b : value.substring(i).getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (needsEncoding(c)) {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean needsEncoding(char c) {
        return c <= 0x20 || c >= 0x7f || c == '"' || c == '%';
    }

    /** Reads at most {@code maxResponseBytes + 1} bytes: one more than the cap tells that the body was cut. */
    private byte[] readCapped(ResponseBody body) throws IOException {
        try (InputStream in = body.byteStream()) {
            return in.readNBytes((int) maxResponseBytes + 1);
        }
    }
}
