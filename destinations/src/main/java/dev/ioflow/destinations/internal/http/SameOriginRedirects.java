package dev.ioflow.destinations.internal.http;

import dev.ioflow.destinations.internal.Urls;
import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows redirects within the destination's origin, for destinations that opted in (OkHttp's own redirect
 * following is off for every destination: it would follow to any host, and turn a POST answered 302 into a
 * GET without its body). 307 and 308 keep method and body; 301, 302 and 303 are followed only for GET and HEAD.
 * Any other redirect, one to another origin (so also https → http), and the hop after {@link #MAX_HOPS} are
 * returned to the caller as the 3xx response they are.
 *
 * <p>Installed as the first application interceptor: every hop passes the origin guard, the destination's
 * headers, the CSRF token and the credential again.
 */
final class SameOriginRedirects implements Interceptor {
    static final int MAX_HOPS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(SameOriginRedirects.class);

    private final String destinationId;

    SameOriginRedirects(String destinationId) {
        this.destinationId = destinationId;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Response response = chain.proceed(request);
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            Request next = nextHop(request, response);
            if (next == null) {
                return response;
            }
            response.close();
            request = next;
            response = chain.proceed(request);
        }
        LOG.debug("Destination '{}': more than {} redirects; returning the last one", destinationId, MAX_HOPS);
        return response;
    }

    private @Nullable Request nextHop(Request request, Response response) {
        int code = response.code();
        boolean keepsMethod = code == 307 || code == 308;
        boolean safeMethod = request.method().equals("GET") || request.method().equals("HEAD");
        if (!(keepsMethod || (safeMethod && (code == 301 || code == 302 || code == 303)))) {
            return null;
        }
        String location = response.header("Location");
        HttpUrl target = location == null ? null : request.url().resolve(location);
        if (target == null || !Urls.sameOrigin(target, request.url())) {
            LOG.debug("Destination '{}' redirected {} to {}: another origin, not followed", destinationId, code,
                    target == null ? "nowhere" : Urls.redacted(target));
            return null;
        }
        return request.newBuilder().url(target).build();
    }
}
