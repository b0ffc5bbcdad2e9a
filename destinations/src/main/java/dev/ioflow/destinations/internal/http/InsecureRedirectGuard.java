package dev.ioflow.destinations.internal.http;

import dev.ioflow.destinations.internal.Urls;
import java.io.IOException;
import java.net.ProtocolException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Applies the HTTPS rule to every hop of a call, not only to the destination URL: an unauthenticated call to a
 * loopback {@code http://} destination follows redirects, and OkHttp's {@code followSslRedirects(false)} stops
 * only scheme changes, so {@code http://localhost/} → {@code http://crm.example.com/} would otherwise go out in
 * clear text. As a network interceptor it sees each redirect before a byte of it is sent.
 */
final class InsecureRedirectGuard implements Interceptor {
    private final String destinationId;
    private final HttpUrl destinationUrl;
    private final boolean allowInsecureHttp;

    InsecureRedirectGuard(String destinationId, HttpUrl destinationUrl, boolean allowInsecureHttp) {
        this.destinationId = destinationId;
        this.destinationUrl = destinationUrl;
        this.allowInsecureHttp = allowInsecureHttp;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        HttpUrl url = chain.request().url();
        // The destination's own origin passed the HTTPS rule when the destination was built: not parsed again.
        if (!Urls.sameOrigin(url, destinationUrl) && !Urls.isSecureOrAllowed(url, allowInsecureHttp)) {
            // ProtocolException: OkHttp does not retry it on another route.
            throw new ProtocolException("destination '" + destinationId + "' redirected to plain HTTP URL "
                    + Urls.redact(url) + " of a non-loopback host; not followed (set allowInsecureHttp to allow)");
        }
        return chain.proceed(chain.request());
    }
}
