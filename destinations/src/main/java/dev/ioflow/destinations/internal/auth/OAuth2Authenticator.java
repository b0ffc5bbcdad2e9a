package dev.ioflow.destinations.internal.auth;

import java.io.IOException;
import okhttp3.Authenticator;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a 401 from the resource: refreshes the token once (unless another call already did) and retries the
 * call once. A second 401 is returned to the caller, so a revoked client never loops.
 */
final class OAuth2Authenticator implements Authenticator {
    private static final Logger LOG = LoggerFactory.getLogger(OAuth2Authenticator.class);
    private static final String BEARER = "Bearer ";

    private final String destinationId;
    private final OAuth2TokenSource tokens;

    OAuth2Authenticator(String destinationId, OAuth2TokenSource tokens) {
        this.destinationId = destinationId;
        this.tokens = tokens;
    }

    @Override
    public Request authenticate(Route route, Response response) throws IOException {
        String sent = response.request().header(Authentication.AUTHORIZATION);
        if (response.priorResponse() != null || sent == null || !sent.startsWith(BEARER)) {
            return null;
        }
        LOG.warn("Destination '{}' answered {} to an OAuth token; refreshing the token and retrying once",
                destinationId, response.code());
        String token = tokens.refreshAfterRejection(sent.substring(BEARER.length()));
        return response.request().newBuilder().header(Authentication.AUTHORIZATION, BEARER + token).build();
    }
}
