package dev.ioflow.destinations;

import dev.ioflow.destinations.internal.Urls;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * OAuth 2.0 client-credentials grant (RFC 6749 §4.4): SAP's <em>Consumed OAuth Credential</em>. The sender
 * posts {@code grant_type=client_credentials} to {@link #tokenUrl()}, caches the access token until
 * {@code expires_in - refreshSkew}, refreshes it once however many calls wait for it, and after a 401 from
 * the resource refreshes once and retries the call once.
 *
 * <pre>{@code
 * OAuth2ClientCredentials oauth = Credential.oauth2ClientCredentials(
 *                 "https://auth.emarsys.net/oauth2/token", clientId, clientSecret)
 *         .scope("contacts")
 *         .refreshSkew(Duration.ofSeconds(30))
 *         .build();
 * }</pre>
 *
 * @since 0.1
 */
public final class OAuth2ClientCredentials implements Credential {

    /** The default {@link #refreshSkew()}: 60 seconds. */
    public static final Duration DEFAULT_REFRESH_SKEW = Duration.ofSeconds(60);

    /**
     * How the client authenticates at the token endpoint.
     *
     * @since 0.1
     */
    public enum ClientAuthentication {
        /** {@code Authorization: Basic base64(clientId:clientSecret)} ({@code client_secret_basic}, the default). */
        BASIC,
        /** {@code client_id} and {@code client_secret} in the form body ({@code client_secret_post}). */
        FORM
    }

    private final String tokenUrl;
    private final String clientId;
    private final Secret clientSecret;
    private final @Nullable String scope;
    private final Duration refreshSkew;
    private final ClientAuthentication clientAuthentication;

    private OAuth2ClientCredentials(Builder b) {
        this.tokenUrl = Objects.requireNonNull(b.tokenUrl, "tokenUrl");
        this.clientId = Objects.requireNonNull(b.clientId, "clientId");
        this.clientSecret = Objects.requireNonNull(b.clientSecret, "clientSecret");
        this.scope = b.scope;
        this.refreshSkew = b.refreshSkew;
        this.clientAuthentication = b.clientAuthentication;
        if (Urls.parseHttp(tokenUrl) == null) {
            throw new IllegalArgumentException("OAuth token URL '" + Urls.redacted(tokenUrl) + "' is not an absolute http or https URL");
        }
        if (clientId.isBlank()) {
            throw new IllegalArgumentException("OAuth client id must not be blank");
        }
        if (clientSecret.isBlank()) {
            throw new IllegalArgumentException("OAuth client secret must not be blank");
        }
        if (refreshSkew.isNegative()) {
            throw new IllegalArgumentException("OAuth refresh skew must not be negative: " + refreshSkew);
        }
    }

    /** @return the token endpoint, an absolute http(s) URL */
    public String tokenUrl() {
        return tokenUrl;
    }

    /** @return the client id (shown by {@code toString()}) */
    public String clientId() {
        return clientId;
    }

    /** @return the client secret (never shown) */
    public Secret clientSecret() {
        return clientSecret;
    }

    /** @return the requested scope (space-separated scope tokens); null when none is requested */
    public @Nullable String scope() {
        return scope;
    }

    /** @return how long before the token expires it is refreshed */
    public Duration refreshSkew() {
        return refreshSkew;
    }

    /** @return how the client id and secret reach the token endpoint */
    public ClientAuthentication clientAuthentication() {
        return clientAuthentication;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof OAuth2ClientCredentials that && tokenUrl.equals(that.tokenUrl)
                && clientId.equals(that.clientId) && clientSecret.equals(that.clientSecret)
                && Objects.equals(scope, that.scope) && refreshSkew.equals(that.refreshSkew)
                && clientAuthentication == that.clientAuthentication;
    }

    @Override
    public int hashCode() {
        return Objects.hash(tokenUrl, clientId, clientSecret, scope, refreshSkew, clientAuthentication);
    }

    /** Shows the token URL (redacted), client id and settings; the secret as {@code ****}. */
    @Override
    public String toString() {
        return "OAuth2ClientCredentials[tokenUrl=" + Urls.redacted(tokenUrl) + ", clientId=" + clientId
                + ", clientSecret=" + clientSecret + ", scope=" + scope + ", refreshSkew=" + refreshSkew
                + ", clientAuthentication=" + clientAuthentication + "]";
    }

    static Builder builder(String tokenUrl, String clientId, Secret clientSecret) {
        return new Builder(tokenUrl, clientId, clientSecret);
    }

    /**
     * A builder initialised with this credential's values.
     *
     * @return a new builder
     */
    public Builder newBuilder() {
        return new Builder(tokenUrl, clientId, clientSecret)
                .scope(scope)
                .refreshSkew(refreshSkew)
                .clientAuthentication(clientAuthentication);
    }

    /**
     * Builds {@link OAuth2ClientCredentials}; start with {@link Credential#oauth2ClientCredentials}.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final String tokenUrl;
        private final String clientId;
        private final Secret clientSecret;
        private @Nullable String scope;
        private Duration refreshSkew = DEFAULT_REFRESH_SKEW;
        private ClientAuthentication clientAuthentication = ClientAuthentication.BASIC;

        private Builder(String tokenUrl, String clientId, Secret clientSecret) {
            this.tokenUrl = tokenUrl;
            this.clientId = clientId;
            this.clientSecret = clientSecret;
        }

        /**
         * The scope to request (space-separated scope tokens); null or blank for none.
         *
         * @param scope the scope
         * @return this builder
         */
        public Builder scope(@Nullable String scope) {
            this.scope = scope == null || scope.isBlank() ? null : scope;
            return this;
        }

        /**
         * How long before expiry the token is refreshed (default 60 s).
         *
         * @param refreshSkew a non-negative duration
         * @return this builder
         */
        public Builder refreshSkew(Duration refreshSkew) {
            this.refreshSkew = Objects.requireNonNull(refreshSkew, "refreshSkew");
            return this;
        }

        /**
         * How the client id and secret are sent to the token endpoint (default {@link ClientAuthentication#BASIC}).
         *
         * @param clientAuthentication the method
         * @return this builder
         */
        public Builder clientAuthentication(ClientAuthentication clientAuthentication) {
            this.clientAuthentication = Objects.requireNonNull(clientAuthentication, "clientAuthentication");
            return this;
        }

        /**
         * Builds the credential.
         *
         * @return the credential
         * @throws IllegalArgumentException when a part is missing or malformed (the message never shows the secret)
         */
        public OAuth2ClientCredentials build() {
            return new OAuth2ClientCredentials(this);
        }
    }
}
