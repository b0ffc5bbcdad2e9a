package dev.ioflow.destinations.internal.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ioflow.destinations.ApiKeyCredential;
import dev.ioflow.destinations.BasicCredential;
import dev.ioflow.destinations.BearerTokenCredential;
import dev.ioflow.destinations.ClientCertificateCredential;
import dev.ioflow.destinations.ConsumedDestination;
import dev.ioflow.destinations.Credential;
import dev.ioflow.destinations.CustomCredential;
import dev.ioflow.destinations.NoCredential;
import dev.ioflow.destinations.OAuth2ClientCredentials;
import dev.ioflow.destinations.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import okhttp3.Credentials;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/** Installs a destination's credential into its OkHttp client as interceptors and authenticators. */
public final class Authentication {
    static final String AUTHORIZATION = "Authorization";

    private Authentication() {
    }

    /**
     * @param tokenClient the client for OAuth token requests: the destination's timeouts, no redirects, no auth
     * @param trust the shared client's trust manager (checks servers of mutual-TLS destinations); null for the platform's
     */
    public static void install(ConsumedDestination destination, OkHttpClient.Builder builder, OkHttpClient tokenClient,
                               Clock clock, ObjectMapper json, @Nullable X509TrustManager trust) {
        Credential credential = destination.credential();
        if (credential instanceof BasicCredential basic) {
            builder.addInterceptor(new HeaderCredentialInterceptor(AUTHORIZATION,
                    Secret.of(Credentials.basic(basic.username(), basic.password().reveal(), StandardCharsets.UTF_8))));
        } else if (credential instanceof BearerTokenCredential bearer) {
            builder.addInterceptor(new HeaderCredentialInterceptor(AUTHORIZATION, Secret.of("Bearer " + bearer.token().reveal())));
        } else if (credential instanceof ApiKeyCredential apiKey) {
            builder.addInterceptor(new HeaderCredentialInterceptor(apiKey.headerName(), apiKey.key()));
        } else if (credential instanceof OAuth2ClientCredentials oauth) {
            OAuth2TokenSource tokens = new OAuth2TokenSource(destination.id(), oauth, tokenClient, clock, json);
            builder.addInterceptor(new OAuth2Interceptor(tokens)).authenticator(new OAuth2Authenticator(destination.id(), tokens));
        } else if (credential instanceof CustomCredential custom) {
            // A network interceptor runs once per transmission: when OkHttp silently retries a request whose pooled
            // connection broke, a signing credential (Emarsys WSSE) signs the retry afresh instead of replaying its nonce.
            builder.addNetworkInterceptor(custom.interceptor());
        } else if (credential instanceof ClientCertificateCredential certificate) {
            MutualTls.install(certificate, builder, trust);
        } else if (!(credential instanceof NoCredential)) {
            throw new IllegalStateException("unsupported credential type " + credential.getClass().getName());
        }
    }
}
