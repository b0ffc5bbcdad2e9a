package dev.ioflow.emarsys;

import dev.ioflow.destinations.ConsumedDestination;
import dev.ioflow.destinations.Credential;
import dev.ioflow.destinations.DestinationClient;
import dev.ioflow.destinations.DestinationRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * How to reach and authenticate against Emarsys: the API base URL and one of two schemes.
 * <ul>
 *   <li><b>OAuth 2.0 client credentials (recommended)</b> against API v3: the client id and secret go to the token
 *       endpoint as HTTP Basic; the token is cached until shortly before it expires (Emarsys allows only a few
 *       token requests per minute and hour) and refreshed after a 401.</li>
 *   <li><b>WSSE</b> against API v2, which Emarsys retires at the end of 2026.</li>
 * </ul>
 * Switching from WSSE to OAuth is one setting: replace {@code .wsse(user, secret)} by
 * {@code .oauth2(clientId, clientSecret)}; the default base URL follows the scheme (v2 for WSSE, v3 for OAuth)
 * unless {@link Builder#apiBaseUrl} is set.
 *
 * <pre>{@code
 * EmarsysConfig config = EmarsysConfig.builder()
 *         .oauth2(System.getenv("EMARSYS_CLIENT_ID"), System.getenv("EMARSYS_CLIENT_SECRET"))
 *         .build();
 * EmarsysClient client = EmarsysClient.builder().config(config).build();
 * }</pre>
 *
 * @since 0.1
 */
public final class EmarsysConfig {

    /** Emarsys' OAuth 2.0 token endpoint. */
    public static final String DEFAULT_TOKEN_URL = "https://auth.emarsys.net/oauth2/token";
    /** API v3, used with OAuth 2.0. */
    public static final String DEFAULT_V3_BASE_URL = "https://api.emarsys.net/api/v3/";
    /** API v2, used with WSSE. */
    public static final String DEFAULT_V2_BASE_URL = "https://api.emarsys.net/api/v2/";
    /** The default id of the consumed destination that carries the configuration. */
    public static final String DEFAULT_DESTINATION_ID = "emarsys";

    private final String apiBaseUrl;
    private final String destinationId;
    private final Credential credential;
    private final @Nullable OkHttpClient okHttpClient;
    private final Clock clock;

    private EmarsysConfig(Builder b) {
        if (b.oauthClientId == null && b.wsseUsername == null) {
            throw new IllegalArgumentException("Emarsys needs a credential: call oauth2(clientId, secret) "
                    + "(recommended) or wsse(username, secret)");
        }
        boolean oauth = b.oauthClientId != null;
        String base = b.apiBaseUrl != null ? b.apiBaseUrl : oauth ? DEFAULT_V3_BASE_URL : DEFAULT_V2_BASE_URL;
        this.apiBaseUrl = base.endsWith("/") ? base : base + "/";
        this.destinationId = b.destinationId;
        this.okHttpClient = b.okHttpClient;
        this.clock = b.clock;
        this.credential = oauth
                ? Credential.oauth2ClientCredentials(b.tokenUrl, b.oauthClientId, b.oauthClientSecret).build()
                : WsseCredential.of(b.wsseUsername, b.wsseSecret, b.clock, b.random);
    }

    /** Starts a configuration. */
    public static Builder builder() {
        return new Builder();
    }

    /** The API base URL, ending in {@code /}. */
    public String apiBaseUrl() {
        return apiBaseUrl;
    }

    /** The consumed destination's id. */
    public String destinationId() {
        return destinationId;
    }

    /** The credential: {@code OAuth2ClientCredentials} or {@link WsseCredential}. */
    public Credential credential() {
        return credential;
    }

    /** Whether the scheme is WSSE (to be retired by Emarsys at the end of 2026). */
    public boolean usesWsse() {
        return credential instanceof WsseCredential;
    }

    /** The configuration as a consumed destination, to add to an application's {@link DestinationRegistry}. */
    public ConsumedDestination toDestination() {
        return ConsumedDestination.builder(destinationId, apiBaseUrl).credential(credential).build();
    }

    /**
     * An OkHttp client that authenticates with the configured scheme: the per-destination client of a
     * {@link DestinationClient} holding {@link #toDestination()} (so the destinations module caches OAuth tokens,
     * refuses redirects for authenticated calls and applies timeouts). Call once and share.
     */
    public OkHttpClient httpClient() {
        DestinationClient.Builder client = DestinationClient.builder().destination(toDestination()).clock(clock);
        if (okHttpClient != null) {
            client.okHttpClient(okHttpClient);
        }
        return client.build().httpClient(destinationId);
    }

    /** Shows the base URL and the credential with its secret masked. */
    @Override
    public String toString() {
        return "EmarsysConfig[" + apiBaseUrl + ", destination " + destinationId + ", " + credential + "]";
    }

    /** Builds an {@link EmarsysConfig}. */
    public static final class Builder {
        private @Nullable String apiBaseUrl;
        private String destinationId = DEFAULT_DESTINATION_ID;
        private String tokenUrl = DEFAULT_TOKEN_URL;
        private @Nullable String oauthClientId;
        private @Nullable String oauthClientSecret;
        private @Nullable String wsseUsername;
        private @Nullable String wsseSecret;
        private @Nullable OkHttpClient okHttpClient;
        private Clock clock = Clock.systemUTC();
        private SecureRandom random = new SecureRandom();

        private Builder() {
        }

        /**
         * Authenticates with OAuth 2.0 client credentials (recommended); replaces a WSSE setting.
         *
         * @param clientId     the client id
         * @param clientSecret the client secret
         */
        public Builder oauth2(String clientId, String clientSecret) {
            this.oauthClientId = Objects.requireNonNull(clientId, "clientId");
            this.oauthClientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
            this.wsseUsername = null;
            this.wsseSecret = null;
            return this;
        }

        /** The OAuth token endpoint (default {@value EmarsysConfig#DEFAULT_TOKEN_URL}). */
        public Builder oauth2TokenUrl(String tokenUrl) {
            this.tokenUrl = Objects.requireNonNull(tokenUrl, "tokenUrl");
            return this;
        }

        /**
         * Authenticates with WSSE (API v2; retired by Emarsys at the end of 2026, prefer {@link #oauth2});
         * replaces an OAuth setting.
         *
         * @param username the API user name
         * @param secret   the API secret
         */
        public Builder wsse(String username, String secret) {
            this.wsseUsername = Objects.requireNonNull(username, "username");
            this.wsseSecret = Objects.requireNonNull(secret, "secret");
            this.oauthClientId = null;
            this.oauthClientSecret = null;
            return this;
        }

        /** The API base URL (default v3 for OAuth, v2 for WSSE, on {@code api.emarsys.net}). */
        public Builder apiBaseUrl(String apiBaseUrl) {
            this.apiBaseUrl = Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
            return this;
        }

        /** The consumed destination's id (default {@value EmarsysConfig#DEFAULT_DESTINATION_ID}). */
        public Builder destinationId(String destinationId) {
            this.destinationId = Objects.requireNonNull(destinationId, "destinationId");
            return this;
        }

        /** A shared OkHttp client whose pool and dispatcher the Emarsys client reuses. */
        public Builder okHttpClient(OkHttpClient okHttpClient) {
            this.okHttpClient = Objects.requireNonNull(okHttpClient, "okHttpClient");
            return this;
        }

        /** The clock for token expiry and WSSE timestamps (default system UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The source of WSSE nonces (default a new {@link SecureRandom}). */
        public Builder secureRandom(SecureRandom random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * Returns the configuration.
         *
         * @throws IllegalArgumentException when no scheme was chosen or a part is blank or malformed (never
         *                                  showing a secret)
         */
        public EmarsysConfig build() {
            return new EmarsysConfig(this);
        }
    }
}
