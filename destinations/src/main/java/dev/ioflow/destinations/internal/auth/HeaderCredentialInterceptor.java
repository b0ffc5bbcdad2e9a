package dev.ioflow.destinations.internal.auth;

import dev.ioflow.destinations.Secret;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Sets one header whose value is a secret (Basic, Bearer, API key) on every request. */
final class HeaderCredentialInterceptor implements Interceptor {
    private final String name;
    private final Secret value;

    HeaderCredentialInterceptor(String name, Secret value) {
        this.name = name;
        this.value = value;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        return chain.proceed(chain.request().newBuilder().header(name, value.reveal()).build());
    }

    @Override
    public String toString() {
        return "HeaderCredentialInterceptor[" + name + ": " + value + "]";
    }
}
