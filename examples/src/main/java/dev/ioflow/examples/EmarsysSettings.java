package dev.ioflow.examples;

import dev.ioflow.destinations.ConsumedDestination;
import dev.ioflow.destinations.Credential;
import dev.ioflow.emarsys.EmarsysConfig;
import dev.ioflow.emarsys.WsseCredential;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where the example sends contacts, read from the environment:
 * <ul>
 *   <li>nothing set: the embedded Emarsys stand-in (offline, OAuth 2.0 by default);</li>
 *   <li>{@code EMARSYS_API_URL} with {@code EMARSYS_CLIENT_ID} + {@code EMARSYS_CLIENT_SECRET}: OAuth 2.0 (API v3;
 *       {@code EMARSYS_TOKEN_URL} overrides the token endpoint);</li>
 *   <li>{@code EMARSYS_API_URL} with {@code EMARSYS_USERNAME} + {@code EMARSYS_SECRET}: WSSE (API v2);</li>
 *   <li>optionally {@code EMARSYS_CUSTOMER_ID_FIELD}: the id of the custom field holding {@code customerID}
 *       (default 12345).</li>
 * </ul>
 * Anything else (a half-set pair, both schemes, a malformed URL or field id) is an
 * {@link EmarsysSettingsException} naming the variables, before any call is made.
 *
 * <pre>{@code
 * EmarsysSettings settings = EmarsysSettings.fromEnvironment(System.getenv());
 * }</pre>
 *
 * @since 0.1
 */
public final class EmarsysSettings {
    /** The custom field that holds {@code customerID} unless {@code EMARSYS_CUSTOMER_ID_FIELD} says otherwise. */
    public static final int DEFAULT_CUSTOMER_ID_FIELD = 12345;
    /** The consumed destination's id. */
    public static final String DESTINATION_ID = "emarsys";

    static final String API_URL = "EMARSYS_API_URL";
    static final String CLIENT_ID = "EMARSYS_CLIENT_ID";
    static final String CLIENT_SECRET = "EMARSYS_CLIENT_SECRET";
    static final String TOKEN_URL = "EMARSYS_TOKEN_URL";
    static final String USERNAME = "EMARSYS_USERNAME";
    static final String SECRET = "EMARSYS_SECRET";
    static final String CUSTOMER_ID_FIELD = "EMARSYS_CUSTOMER_ID_FIELD";
    private static final String OAUTH_PAIR = "OAuth 2.0 needs both " + CLIENT_ID + " and " + CLIENT_SECRET;
    private static final String WSSE_PAIR = "WSSE needs both " + USERNAME + " and " + SECRET;
    private static final List<String> CONNECTION_VARIABLES = List.of(API_URL, CLIENT_ID, CLIENT_SECRET, TOKEN_URL,
            USERNAME, SECRET);

    /** How the example reaches Emarsys. */
    public enum Mode {
        /** The in-process stand-in, no account needed. */
        EMBEDDED,
        /** A real account with OAuth 2.0 client credentials (API v3). */
        OAUTH,
        /** A real account (or the stand-in) with WSSE (API v2). */
        WSSE
    }

    private final Mode mode;
    private final String apiUrl;
    private final String tokenUrl;
    private final String user;
    private final String secret;
    private final int customerIdField;

    private EmarsysSettings(Mode mode, String apiUrl, String tokenUrl, String user, String secret, int customerIdField) {
        this.mode = mode;
        this.apiUrl = apiUrl;
        this.tokenUrl = tokenUrl;
        this.user = user;
        this.secret = secret;
        this.customerIdField = customerIdField;
    }

    /**
     * Reads the settings from environment variables (pass {@code System.getenv()}).
     *
     * @throws EmarsysSettingsException when they are wrong or only half set
     */
    public static EmarsysSettings fromEnvironment(Map<String, String> env) {
        int field = customerIdField(env.get(CUSTOMER_ID_FIELD));
        if (CONNECTION_VARIABLES.stream().noneMatch(env::containsKey)) {
            return new EmarsysSettings(Mode.EMBEDDED, null, null, null, null, field);
        }
        String apiUrl = required(env, API_URL, "it is the API base, e.g. https://api.emarsys.net/api/v3/");
        checkUrl(API_URL, apiUrl);
        boolean oauth = env.containsKey(CLIENT_ID) || env.containsKey(CLIENT_SECRET);
        boolean wsse = env.containsKey(USERNAME) || env.containsKey(SECRET);
        if (oauth && wsse) {
            throw new EmarsysSettingsException("choose one authentication: " + CLIENT_ID + " + " + CLIENT_SECRET
                    + " (OAuth 2.0) or " + USERNAME + " + " + SECRET + " (WSSE), not both");
        }
        if (oauth) {
            String tokenUrl = env.getOrDefault(TOKEN_URL, EmarsysConfig.DEFAULT_TOKEN_URL);
            checkUrl(TOKEN_URL, tokenUrl);
            return new EmarsysSettings(Mode.OAUTH, apiUrl, tokenUrl, required(env, CLIENT_ID, OAUTH_PAIR),
                    required(env, CLIENT_SECRET, OAUTH_PAIR), field);
        }
        if (wsse) {
            if (env.containsKey(TOKEN_URL)) {
                throw new EmarsysSettingsException(TOKEN_URL + " applies to OAuth 2.0 only, but " + USERNAME + " + "
                        + SECRET + " choose WSSE: unset one of them");
            }
            return new EmarsysSettings(Mode.WSSE, apiUrl, null, required(env, USERNAME, WSSE_PAIR),
                    required(env, SECRET, WSSE_PAIR), field);
        }
        throw new EmarsysSettingsException(API_URL + " is set but no credential: set " + CLIENT_ID + " + "
                + CLIENT_SECRET + " (OAuth 2.0, recommended) or " + USERNAME + " + " + SECRET + " (WSSE)");
    }

    /** WSSE settings for an account at {@code apiUrl}, e.g. the embedded stand-in. */
    public static EmarsysSettings wsse(String apiUrl, String username, String secret, int customerIdField) {
        return new EmarsysSettings(Mode.WSSE, Objects.requireNonNull(apiUrl, "apiUrl"),
                null, Objects.requireNonNull(username, "username"), Objects.requireNonNull(secret, "secret"),
                customerIdField);
    }

    /** OAuth 2.0 settings for an account at {@code apiUrl} with its token endpoint, e.g. the stand-in's. */
    public static EmarsysSettings oauth(String apiUrl, String tokenUrl, String clientId, String clientSecret,
                                        int customerIdField) {
        return new EmarsysSettings(Mode.OAUTH, Objects.requireNonNull(apiUrl, "apiUrl"),
                Objects.requireNonNull(tokenUrl, "tokenUrl"), Objects.requireNonNull(clientId, "clientId"),
                Objects.requireNonNull(clientSecret, "clientSecret"), customerIdField);
    }

    /** How Emarsys is reached. */
    public Mode mode() {
        return mode;
    }

    /** The API base URL, or null in {@link Mode#EMBEDDED} mode (the stand-in picks its own). */
    public String apiUrl() {
        return apiUrl;
    }

    /** The id of the Emarsys field that holds {@code customerID} (the contacts' key field). */
    public int customerIdField() {
        return customerIdField;
    }

    /**
     * The consumed destination with its credential: OAuth 2.0 client credentials or a WSSE credential.
     *
     * @throws IllegalStateException in {@link Mode#EMBEDDED} mode, which has no URL until the stand-in starts
     */
    public ConsumedDestination destination() {
        Credential credential = switch (mode) {
            case OAUTH -> Credential.oauth2ClientCredentials(tokenUrl, user, secret).build();
            case WSSE -> WsseCredential.of(user, secret);
            case EMBEDDED -> throw new IllegalStateException("the embedded stand-in's settings come from oauth(...) or wsse(...)");
        };
        return ConsumedDestination.builder(DESTINATION_ID, apiUrl).credential(credential).build();
    }

    /** One line for people: mode, URL and user, never the secret. */
    public String describe() {
        return switch (mode) {
            case EMBEDDED -> "embedded Emarsys stand-in (no account needed)";
            case OAUTH -> "Emarsys at " + apiUrl + " with OAuth 2.0 client " + user + " (token endpoint " + tokenUrl + ")";
            case WSSE -> "Emarsys at " + apiUrl + " with WSSE user " + user;
        } + ", customerID in field " + customerIdField;
    }

    @Override
    public String toString() {
        return "EmarsysSettings[" + describe() + "]";
    }

    private static String required(Map<String, String> env, String name, String why) {
        String value = env.get(name);
        if (value == null) {
            throw new EmarsysSettingsException(name + " is not set; " + why);
        }
        if (value.isBlank()) {
            throw new EmarsysSettingsException(name + " is set but empty; " + why);
        }
        return value.strip();
    }

    private static void checkUrl(String name, String value) {
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                throw new EmarsysSettingsException(name + " must be an absolute http(s) URL, got '" + value + "'");
            }
        } catch (URISyntaxException e) {
            throw new EmarsysSettingsException(name + " is not a URL: '" + value + "' (" + e.getReason() + ")");
        }
    }

    private static int customerIdField(String value) {
        if (value == null) {
            return DEFAULT_CUSTOMER_ID_FIELD;
        }
        try {
            int id = Integer.parseInt(value.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below with the value
        }
        throw new EmarsysSettingsException(CUSTOMER_ID_FIELD + " must be a positive field id, got '" + value + "'");
    }
}
