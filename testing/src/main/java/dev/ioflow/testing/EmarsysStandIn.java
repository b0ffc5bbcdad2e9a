package dev.ioflow.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ioflow.testing.internal.ContactEndpoints;
import dev.ioflow.testing.internal.ContactStore;
import dev.ioflow.testing.internal.EmarsysDispatcher;
import dev.ioflow.testing.internal.Envelope;
import dev.ioflow.testing.internal.FaultPlan;
import dev.ioflow.testing.internal.FieldCatalog;
import dev.ioflow.testing.internal.TokenIssuer;
import dev.ioflow.testing.internal.WsseCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import mockwebserver3.MockWebServer;

/**
 * An Emarsys Core API stand-in on a local {@link MockWebServer}: real HTTP on loopback, contacts kept in memory so
 * that tests can assert on them.
 *
 * <p>It checks authentication as the real service does: an {@code X-WSSE} header (digest, a five-minute
 * {@code Created} window on the stand-in's clock, no nonce twice) and/or an OAuth 2.0 bearer token from its own
 * token endpoint ({@code POST /oauth2/token}, client id and secret as HTTP Basic). A rejected call gets 401 and
 * {@code {"replyCode":1,"replyText":"Unauthorized","data":"<why>"}}. It serves, under {@code /api/v2/} and
 * {@code /api/v3/}: {@code PUT contact/?create_if_not_exists=1}, {@code PUT contact}, {@code POST contact},
 * {@code POST contact/delete}, {@code POST contact/getdata} and {@code GET field}, with Emarsys' envelope and
 * per-contact errors in {@code data.errors} (an invalid email address is 2007, an unknown field id 2006, a missing
 * key value 2005, no contact 2008). Contacts are field id → value maps, found by the request's key field.
 *
 * <pre>{@code
 * try (EmarsysStandIn emarsys = EmarsysStandIn.builder()
 *         .wsse("customer001", "customersecret")
 *         .customField(12345, "Customer ID")
 *         .build()) {
 *     emarsys.start();
 *     // point the code under test at emarsys.apiBaseUrl(2) ...
 *     assertThat(emarsys.contact(12345, "c1")).containsEntry("3", "c1@example.com");
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class EmarsysStandIn implements AutoCloseable {
    private final MockWebServer server = new MockWebServer();
    private final EmarsysDispatcher dispatcher;
    private final ContactStore store = new ContactStore();
    private final FaultPlan faults;
    private final TokenIssuer tokens;

    private EmarsysStandIn(Builder builder) {
        ObjectMapper mapper = new ObjectMapper();
        Envelope envelope = new Envelope(mapper);
        FieldCatalog fields = FieldCatalog.withCustomFields(builder.customFields);
        WsseCheck wsse = builder.wsseUsername == null ? null
                : new WsseCheck(builder.clock, builder.wsseUsername, builder.wsseSecret);
        this.tokens = builder.clientId == null ? null
                : new TokenIssuer(builder.clock, builder.clientId, builder.clientSecret, builder.tokenLifetime, envelope);
        this.faults = new FaultPlan(builder.clock, envelope);
        this.dispatcher = new EmarsysDispatcher(mapper, envelope, wsse, tokens, faults,
                new ContactEndpoints(store, fields, envelope), fields);
        server.setDispatcher(dispatcher);
    }

    /** Starts configuring a stand-in. With neither {@code wsse} nor {@code oauth} set, calls need no authentication. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the server on a free loopback port.
     *
     * @return this stand-in
     * @throws UncheckedIOException when no port can be bound
     */
    public EmarsysStandIn start() {
        try {
            server.start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Emarsys stand-in", e);
        }
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.close();
    }

    /** The API base URL for this version (2 for WSSE, 3 for OAuth), with its trailing slash: {@code http://127.0.0.1:port/api/v2/}. */
    public String apiBaseUrl(int version) {
        if (version != 2 && version != 3) {
            throw new IllegalArgumentException("the Emarsys Core API has versions 2 and 3, not " + version);
        }
        return server.url("/api/v" + version + "/").toString();
    }

    /** The token endpoint's URL ({@code …/oauth2/token}). */
    public String tokenUrl() {
        return server.url("/oauth2/token").toString();
    }

    /** Copies of all contacts (field id → value), oldest first. */
    public List<Map<String, String>> contacts() {
        synchronized (dispatcher) {
            return store.all();
        }
    }

    /**
     * The contact whose field {@code keyFieldId} has this value, e.g. {@code contact(3, "c1@example.com")}.
     *
     * @return its fields as stored from the JSON Emarsys received (field id in decimal → value), or an empty map
     *         when there is no such contact
     * @throws AssertionError when more than one contact has this value
     */
    public Map<String, String> contact(int keyFieldId, String value) {
        synchronized (dispatcher) {
            List<Long> ids = store.find(Integer.toString(keyFieldId), value);
            if (ids.size() > 1) {
                throw new AssertionError(ids.size() + " contacts have field " + keyFieldId + " = '" + value + "'");
            }
            return ids.isEmpty() ? Map.of() : store.get(ids.get(0));
        }
    }

    /** The API calls received so far, oldest first (token requests are not included). */
    public List<StandInRequest> requests() {
        return dispatcher.requests();
    }

    /** How many API calls were received (token requests are not included; see {@link #tokenRequestCount()}). */
    public int requestCount() {
        return requests().size();
    }

    /** How many token requests were received; 0 when OAuth is not configured. */
    public int tokenRequestCount() {
        synchronized (dispatcher) {
            return tokens == null ? 0 : tokens.tokenRequests();
        }
    }

    /** The next {@code count} API calls get HTTP 429, reply code 7003 and {@code X-RateLimit-Reset} in {@code resetAfter}. */
    public void rateLimitNext(int count, Duration resetAfter) {
        rateLimitNext(count, resetAfter, null);
    }

    /**
     * The next {@code count} calls to one endpoint ({@code contact}, {@code contact/delete}, {@code field}…, as
     * {@link StandInRequest#endpoint()} names it) get HTTP 429, reply code 7003 and {@code X-RateLimit-Reset} in
     * {@code resetAfter}; a null endpoint means any.
     */
    public void rateLimitNext(int count, Duration resetAfter, String endpoint) {
        Objects.requireNonNull(resetAfter, "resetAfter");
        synchronized (dispatcher) {
            faults.rateLimit(count, resetAfter, endpoint);
        }
    }

    /** The next {@code count} API calls get this 5xx status and reply code 2011. */
    public void failNext(int count, int httpStatus) {
        failNext(count, httpStatus, null);
    }

    /** The next {@code count} calls to one endpoint (any when null) get this 5xx status and reply code 2011. */
    public void failNext(int count, int httpStatus, String endpoint) {
        synchronized (dispatcher) {
            faults.serverError(count, httpStatus, endpoint);
        }
    }

    /** Invalidates every access token issued so far, as if all had expired (clients must fetch a new one). */
    public void revokeTokens() {
        synchronized (dispatcher) {
            if (tokens != null) {
                tokens.revokeAll();
            }
        }
    }

    /** Removes every contact (the request log is kept). */
    public void clearContacts() {
        synchronized (dispatcher) {
            store.clear();
        }
    }

    @Override
    public String toString() {
        return "EmarsysStandIn[" + server.getHostName() + ":" + server.getPort() + "]";
    }

    /** Configures an {@link EmarsysStandIn}. */
    public static final class Builder {
        private String wsseUsername;
        private String wsseSecret;
        private String clientId;
        private String clientSecret;
        private Duration tokenLifetime = Duration.ofHours(1);
        private Clock clock = Clock.systemUTC();
        private final Map<Integer, String> customFields = new LinkedHashMap<>();

        private Builder() {
        }

        /** Accepts WSSE-signed calls from this API user. */
        public Builder wsse(String username, String secret) {
            this.wsseUsername = Objects.requireNonNull(username, "username");
            this.wsseSecret = Objects.requireNonNull(secret, "secret");
            return this;
        }

        /** Serves the token endpoint for this OAuth client and accepts its bearer tokens. */
        public Builder oauth(String clientId, String clientSecret) {
            this.clientId = Objects.requireNonNull(clientId, "clientId");
            this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
            return this;
        }

        /** How long issued tokens live (default one hour); reported as {@code expires_in}. */
        public Builder tokenLifetime(Duration lifetime) {
            if (lifetime.isNegative() || lifetime.isZero()) {
                throw new IllegalArgumentException("token lifetime must be positive, got " + lifetime);
            }
            this.tokenLifetime = lifetime;
            return this;
        }

        /** The stand-in's clock, for the WSSE time window, token expiry and rate-limit resets (default: system UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Adds a custom field to the account, e.g. {@code customField(12345, "Customer ID")}; usable as a key field. */
        public Builder customField(int id, String name) {
            Objects.requireNonNull(name, "name");
            if (id <= 0) {
                throw new IllegalArgumentException("a field id is positive, got " + id);
            }
            customFields.put(id, name);
            return this;
        }

        /** The stand-in, not yet started. */
        public EmarsysStandIn build() {
            return new EmarsysStandIn(this);
        }
    }
}
