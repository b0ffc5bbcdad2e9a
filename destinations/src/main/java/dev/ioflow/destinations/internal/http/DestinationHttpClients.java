package dev.ioflow.destinations.internal.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ioflow.destinations.ConsumedDestination;
import dev.ioflow.destinations.internal.Urls;
import dev.ioflow.destinations.internal.auth.Authentication;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Derives and caches one OkHttp client per destination from the shared client: same connection pool and
 * dispatcher, the destination's timeouts, headers, authentication and redirect policy.
 */
public final class DestinationHttpClients {
    private final OkHttpClient shared;
    private final Clock clock;
    private final Supplier<String> messageIds;
    private final ObjectMapper json = new ObjectMapper();
    private final ConcurrentMap<String, OkHttpClient> byDestination = new ConcurrentHashMap<>();

    /**
     * @param shared the client every destination client derives from
     * @param clock the clock for OAuth token expiry
     * @param messageIds generates {@code X-Message-Id} values for requests without one
     * @param tcpNoDelay whether destination sockets set {@code TCP_NODELAY} (see {@link NoDelaySocketFactory})
     */
    public DestinationHttpClients(OkHttpClient shared, Clock clock, Supplier<String> messageIds, boolean tcpNoDelay) {
        // One wrapping factory for all destinations: OkHttp pools connections by address, socket factory included.
        this.shared = tcpNoDelay
                ? shared.newBuilder().socketFactory(new NoDelaySocketFactory(shared.socketFactory())).build()
                : shared;
        this.clock = clock;
        this.messageIds = messageIds;
    }

    /** The cached client of a destination, derived on first use. */
    public OkHttpClient clientFor(ConsumedDestination destination) {
        return byDestination.computeIfAbsent(destination.id(), id -> derive(destination));
    }

    private OkHttpClient derive(ConsumedDestination destination) {
        // No redirect is followed by OkHttp, for any destination: a 3xx is the answer (a failure for webhooks), unless
        // the destination opted in to same-origin redirects, which SameOriginRedirects follows hop by hop.
        HttpUrl destinationUrl = Urls.parseHttp(destination.url());
        OkHttpClient.Builder builder = withTimeouts(shared.newBuilder(), destination)
                .followRedirects(false)
                .followSslRedirects(false);
        if (destination.followSameOriginRedirects()) {
            builder.addInterceptor(new SameOriginRedirects(destination.id()));
        }
        builder.addInterceptor(new DestinationOriginGuard(destination.id(), destinationUrl));
        String csrfUrl = destination.csrfUrl();
        if (csrfUrl != null) {
            builder.addInterceptor(new CsrfTokens(destination.id(), Urls.parseHttp(csrfUrl)));
        }
        builder.addInterceptor(new DestinationHeadersInterceptor(destination.headers(), messageIds));
        OkHttpClient tokenClient = withTimeouts(shared.newBuilder(), destination)
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
        Authentication.install(destination, builder, tokenClient, clock, json, shared.x509TrustManager());
        return builder.build();
    }

    private static OkHttpClient.Builder withTimeouts(OkHttpClient.Builder builder, ConsumedDestination destination) {
        return builder.connectTimeout(destination.connectTimeout())
                .readTimeout(destination.readTimeout())
                .writeTimeout(destination.readTimeout())
                .callTimeout(destination.callTimeout());
    }
}
