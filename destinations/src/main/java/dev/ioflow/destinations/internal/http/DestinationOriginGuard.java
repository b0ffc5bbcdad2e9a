package dev.ioflow.destinations.internal.http;

import dev.ioflow.destinations.internal.Urls;
import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Keeps a destination's client on the destination's origin (scheme, host and port): adapters that build their own
 * requests with {@code DestinationClient.httpClient(id)} could otherwise send the destination's credential to
 * another host, or over plain HTTP, around the HTTPS rule that was checked on the destination URL only.
 * Installed first, so the credential interceptors never see such a request.
 */
final class DestinationOriginGuard implements Interceptor {
    private final String destinationId;
    private final HttpUrl origin;

    DestinationOriginGuard(String destinationId, HttpUrl destinationUrl) {
        this.destinationId = destinationId;
        this.origin = destinationUrl;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        HttpUrl url = chain.request().url();
        if (!Urls.sameOrigin(url, origin)) {
            throw new IOException("request to " + Urls.redacted(url) + " refused: the client of destination '" + destinationId
                    + "' only sends to " + origin.scheme() + "://" + origin.host() + ":" + origin.port());
        }
        return chain.proceed(chain.request());
    }
}
