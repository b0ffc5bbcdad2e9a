package dev.ioflow.destinations.internal.auth;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Sends the cached OAuth access token (fetching it first when there is none or it is about to expire). */
final class OAuth2Interceptor implements Interceptor {
    private final OAuth2TokenSource tokens;

    OAuth2Interceptor(OAuth2TokenSource tokens) {
        this.tokens = tokens;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        String token = tokens.token();
        return chain.proceed(chain.request().newBuilder().header(Authentication.AUTHORIZATION, "Bearer " + token).build());
    }
}
