package dev.ioflow.spring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * ioflow's settings under the prefix {@code ioflow}, bound from {@code application.yml}/properties and every other
 * property source of the application (environment variables, secret stores...).
 *
 * <pre>{@code
 * ioflow:
 *   types: com.example.Customer
 *   definitions: classpath:ioflow/*.impex
 *   destinations:
 *     crm:
 *       url: https://crm.example.com/hooks
 *       credential:
 *         type: bearer
 *         token: ${CRM_TOKEN}
 *   webhooks:
 *     customers-to-crm:
 *       integration-object: CustomerIO
 *       destination: crm
 *       event-types: saved, deleted
 * }</pre>
 *
 * <p>Secrets ({@code password}, {@code token}, {@code key}, {@code client-secret}) are turned into
 * {@link dev.ioflow.destinations.Secret}s when the destinations are built and appear in no message or log.
 *
 * @since 1.0
 */
@ConfigurationProperties("ioflow")
public class IoflowProperties {
    /**
     * Item classes of the integration objects (fully qualified names), each an item type coded by its simple name:
     * the TypeSystem bean the webhooks and the inbound services use. Not needed when the application declares a
     * TypeSystem bean.
     */
    private List<String> types = new ArrayList<>();

    /**
     * Integration-object definition files: resource locations or patterns, e.g. classpath:ioflow/*.impex; files
     * ending in .impex are read as ImpEx, files ending in .json as ioflow's JSON definitions.
     */
    private List<String> definitions = new ArrayList<>();

    /** Consumed destinations by id. */
    private Map<String, Destination> destinations = new LinkedHashMap<>();

    /** Webhooks by id. */
    private Map<String, Webhook> webhooks = new LinkedHashMap<>();

    /** When failed deliveries are retried. */
    private Retry retry = new Retry();

    /** Where changes wait for delivery. */
    private Outbox outbox = new Outbox();

    /** How many changes are delivered in parallel. */
    private int threads = 2;

    /** The longest an idle worker sleeps before asking the outbox again. */
    private Duration pollInterval = Duration.ofSeconds(1);

    /** How long a claimed change is reserved for a worker. */
    private Duration lease = Duration.ofMinutes(5);

    /** How long the workers may deliver what is due when the application stops. */
    private Duration drainTimeout = Duration.ofSeconds(30);

    /** Changes a worker claims at once; 0 for the largest batch size of the webhooks. */
    private int claimSize;

    /** Whether the webhook service starts its delivery workers with the application context. */
    private boolean autoStart = true;

    /** Limits of the Actuator health indicator. */
    private Health health = new Health();

    /** The health indicator's limits. */
    public Health getHealth() {
        return health;
    }

    /** Sets the health indicator's limits. */
    public void setHealth(Health health) {
        this.health = health;
    }

    /** Item classes (fully qualified names) of the default type system. */
    public List<String> getTypes() {
        return types;
    }

    /** Sets the item classes of the default type system. */
    public void setTypes(List<String> types) {
        this.types = types;
    }

    /** Definition file locations. */
    public List<String> getDefinitions() {
        return definitions;
    }

    /** Sets the definition file locations. */
    public void setDefinitions(List<String> definitions) {
        this.definitions = definitions;
    }

    /** Destinations by id. */
    public Map<String, Destination> getDestinations() {
        return destinations;
    }

    /** Sets the destinations by id. */
    public void setDestinations(Map<String, Destination> destinations) {
        this.destinations = destinations;
    }

    /** Webhooks by id. */
    public Map<String, Webhook> getWebhooks() {
        return webhooks;
    }

    /** Sets the webhooks by id. */
    public void setWebhooks(Map<String, Webhook> webhooks) {
        this.webhooks = webhooks;
    }

    /** The retry policy settings. */
    public Retry getRetry() {
        return retry;
    }

    /** Sets the retry policy settings. */
    public void setRetry(Retry retry) {
        this.retry = retry;
    }

    /** The outbox settings. */
    public Outbox getOutbox() {
        return outbox;
    }

    /** Sets the outbox settings. */
    public void setOutbox(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Delivery threads. */
    public int getThreads() {
        return threads;
    }

    /** Sets the delivery threads. */
    public void setThreads(int threads) {
        this.threads = threads;
    }

    /** The idle workers' poll interval. */
    public Duration getPollInterval() {
        return pollInterval;
    }

    /** Sets the idle workers' poll interval. */
    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    /** The claim lease. */
    public Duration getLease() {
        return lease;
    }

    /** Sets the claim lease. */
    public void setLease(Duration lease) {
        this.lease = lease;
    }

    /** The drain timeout at shutdown. */
    public Duration getDrainTimeout() {
        return drainTimeout;
    }

    /** Sets the drain timeout at shutdown. */
    public void setDrainTimeout(Duration drainTimeout) {
        this.drainTimeout = drainTimeout;
    }

    /** Changes claimed at once (0: the largest batch size). */
    public int getClaimSize() {
        return claimSize;
    }

    /** Sets the changes claimed at once. */
    public void setClaimSize(int claimSize) {
        this.claimSize = claimSize;
    }

    /** Whether the webhook service starts with the context. */
    public boolean isAutoStart() {
        return autoStart;
    }

    /** Sets whether the webhook service starts with the context. */
    public void setAutoStart(boolean autoStart) {
        this.autoStart = autoStart;
    }

    /** One consumed destination. */
    public static class Destination {
        /** The endpoint URL (https unless allow-insecure-http is true). */
        private @Nullable String url;

        /** How requests authenticate. */
        private Credential credential = new Credential();

        /** Extra headers sent with every request. */
        private Map<String, String> headers = new LinkedHashMap<>();

        /** Connection timeout (default 20s). */
        private @Nullable Duration connectTimeout;

        /** Read timeout (default 20s). */
        private @Nullable Duration readTimeout;

        /** Whole-call timeout (default 60s). */
        private @Nullable Duration callTimeout;

        /** Whether the destination receives requests. */
        private boolean active = true;

        /** Whether plain http URLs are allowed (local stand-ins only). */
        private boolean allowInsecureHttp;

        /** Whether requests carry CloudEvents ce-* headers. */
        private boolean cloudEvents;

        /** The endpoint URL. */
        public @Nullable String getUrl() {
            return url;
        }

        /** Sets the endpoint URL. */
        public void setUrl(@Nullable String url) {
            this.url = url;
        }

        /** The credential settings. */
        public Credential getCredential() {
            return credential;
        }

        /** Sets the credential settings. */
        public void setCredential(Credential credential) {
            this.credential = credential;
        }

        /** Extra headers. */
        public Map<String, String> getHeaders() {
            return headers;
        }

        /** Sets the extra headers. */
        public void setHeaders(Map<String, String> headers) {
            this.headers = headers;
        }

        /** The connection timeout, or null for the default. */
        public @Nullable Duration getConnectTimeout() {
            return connectTimeout;
        }

        /** Sets the connection timeout. */
        public void setConnectTimeout(@Nullable Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
        }

        /** The read timeout, or null for the default. */
        public @Nullable Duration getReadTimeout() {
            return readTimeout;
        }

        /** Sets the read timeout. */
        public void setReadTimeout(@Nullable Duration readTimeout) {
            this.readTimeout = readTimeout;
        }

        /** The call timeout, or null for the default. */
        public @Nullable Duration getCallTimeout() {
            return callTimeout;
        }

        /** Sets the call timeout. */
        public void setCallTimeout(@Nullable Duration callTimeout) {
            this.callTimeout = callTimeout;
        }

        /** Whether the destination is active. */
        public boolean isActive() {
            return active;
        }

        /** Sets whether the destination is active. */
        public void setActive(boolean active) {
            this.active = active;
        }

        /** Whether plain http is allowed. */
        public boolean isAllowInsecureHttp() {
            return allowInsecureHttp;
        }

        /** Sets whether plain http is allowed. */
        public void setAllowInsecureHttp(boolean allowInsecureHttp) {
            this.allowInsecureHttp = allowInsecureHttp;
        }

        /** Whether CloudEvents headers are sent. */
        public boolean isCloudEvents() {
            return cloudEvents;
        }

        /** Sets whether CloudEvents headers are sent. */
        public void setCloudEvents(boolean cloudEvents) {
            this.cloudEvents = cloudEvents;
        }
    }

    /** How a destination authenticates; only the fields of the chosen type may be set. */
    public static class Credential {
        /** The kind of credential. */
        private CredentialType type = CredentialType.NONE;

        /** Basic: the user name; OAuth2 client credentials: see client-id. */
        private @Nullable String username;

        /** Basic: the password (a secret). */
        private @Nullable String password;

        /** Bearer: the token (a secret). */
        private @Nullable String token;

        /** API key: the header carrying the key, e.g. X-Api-Key. */
        private @Nullable String headerName;

        /** API key: the key (a secret). */
        private @Nullable String key;

        /** OAuth2 client credentials: the token endpoint. */
        private @Nullable String tokenUrl;

        /** OAuth2 client credentials: the client id. */
        private @Nullable String clientId;

        /** OAuth2 client credentials: the client secret (a secret). */
        private @Nullable String clientSecret;

        /** OAuth2 client credentials: the scope to request. */
        private @Nullable String scope;

        /** The kind of credential. */
        public CredentialType getType() {
            return type;
        }

        /** Sets the kind of credential. */
        public void setType(CredentialType type) {
            this.type = type;
        }

        /** The Basic user name. */
        public @Nullable String getUsername() {
            return username;
        }

        /** Sets the Basic user name. */
        public void setUsername(@Nullable String username) {
            this.username = username;
        }

        /** The Basic password. */
        public @Nullable String getPassword() {
            return password;
        }

        /** Sets the Basic password. */
        public void setPassword(@Nullable String password) {
            this.password = password;
        }

        /** The bearer token. */
        public @Nullable String getToken() {
            return token;
        }

        /** Sets the bearer token. */
        public void setToken(@Nullable String token) {
            this.token = token;
        }

        /** The API key header. */
        public @Nullable String getHeaderName() {
            return headerName;
        }

        /** Sets the API key header. */
        public void setHeaderName(@Nullable String headerName) {
            this.headerName = headerName;
        }

        /** The API key. */
        public @Nullable String getKey() {
            return key;
        }

        /** Sets the API key. */
        public void setKey(@Nullable String key) {
            this.key = key;
        }

        /** The OAuth2 token endpoint. */
        public @Nullable String getTokenUrl() {
            return tokenUrl;
        }

        /** Sets the OAuth2 token endpoint. */
        public void setTokenUrl(@Nullable String tokenUrl) {
            this.tokenUrl = tokenUrl;
        }

        /** The OAuth2 client id. */
        public @Nullable String getClientId() {
            return clientId;
        }

        /** Sets the OAuth2 client id. */
        public void setClientId(@Nullable String clientId) {
            this.clientId = clientId;
        }

        /** The OAuth2 client secret. */
        public @Nullable String getClientSecret() {
            return clientSecret;
        }

        /** Sets the OAuth2 client secret. */
        public void setClientSecret(@Nullable String clientSecret) {
            this.clientSecret = clientSecret;
        }

        /** The OAuth2 scope. */
        public @Nullable String getScope() {
            return scope;
        }

        /** Sets the OAuth2 scope. */
        public void setScope(@Nullable String scope) {
            this.scope = scope;
        }
    }

    /** The kinds of destination credential. */
    public enum CredentialType {
        /** No authentication. */
        NONE,
        /** HTTP Basic: username and password. */
        BASIC,
        /** A static bearer token: token. */
        BEARER,
        /** An API key header: header-name and key. */
        API_KEY,
        /** OAuth2 client credentials: token-url, client-id, client-secret and optionally scope. */
        OAUTH2
    }

    /** One webhook. */
    public static class Webhook {
        /** The code of the integration object sent (from the definition files or an IntegrationObject bean). */
        private @Nullable String integrationObject;

        /** The id of the destination it is sent to (also its monitoring key with a custom target). */
        private @Nullable String destination;

        /** The application events sent. */
        private List<dev.ioflow.webhook.ChangeType> eventTypes = new ArrayList<>(
                List.of(dev.ioflow.webhook.ChangeType.SAVED));

        /** The name of a DeliveryTarget bean to send to instead of HTTP POST to the destination. */
        private @Nullable String target;

        /** Changes per target call; 0 for the target's maximum. */
        private int maxBatchSize;

        /** The integration object's code. */
        public @Nullable String getIntegrationObject() {
            return integrationObject;
        }

        /** Sets the integration object's code. */
        public void setIntegrationObject(@Nullable String integrationObject) {
            this.integrationObject = integrationObject;
        }

        /** The destination id. */
        public @Nullable String getDestination() {
            return destination;
        }

        /** Sets the destination id. */
        public void setDestination(@Nullable String destination) {
            this.destination = destination;
        }

        /** The event types. */
        public List<dev.ioflow.webhook.ChangeType> getEventTypes() {
            return eventTypes;
        }

        /** Sets the event types. */
        public void setEventTypes(List<dev.ioflow.webhook.ChangeType> eventTypes) {
            this.eventTypes = eventTypes;
        }

        /** The DeliveryTarget bean name, or null for HTTP. */
        public @Nullable String getTarget() {
            return target;
        }

        /** Sets the DeliveryTarget bean name. */
        public void setTarget(@Nullable String target) {
            this.target = target;
        }

        /** Changes per target call. */
        public int getMaxBatchSize() {
            return maxBatchSize;
        }

        /** Sets the changes per target call. */
        public void setMaxBatchSize(int maxBatchSize) {
            this.maxBatchSize = maxBatchSize;
        }
    }

    /** Retry policy settings; unset values keep the defaults of {@code RetryPolicy.defaults()}. */
    public static class Retry {
        /** Delay before the first retry. */
        private @Nullable Duration initialDelay;

        /** Factor applied to the delay after each failed attempt. */
        private @Nullable Double multiplier;

        /** Longest delay between attempts. */
        private @Nullable Duration maxDelay;

        /** Attempts before a change becomes a dead letter. */
        private @Nullable Integer maxAttempts;

        /** Age after which a failing change becomes a dead letter. */
        private @Nullable Duration maxAge;

        /** The initial delay. */
        public @Nullable Duration getInitialDelay() {
            return initialDelay;
        }

        /** Sets the initial delay. */
        public void setInitialDelay(@Nullable Duration initialDelay) {
            this.initialDelay = initialDelay;
        }

        /** The multiplier. */
        public @Nullable Double getMultiplier() {
            return multiplier;
        }

        /** Sets the multiplier. */
        public void setMultiplier(@Nullable Double multiplier) {
            this.multiplier = multiplier;
        }

        /** The longest delay. */
        public @Nullable Duration getMaxDelay() {
            return maxDelay;
        }

        /** Sets the longest delay. */
        public void setMaxDelay(@Nullable Duration maxDelay) {
            this.maxDelay = maxDelay;
        }

        /** The attempts before dead-lettering. */
        public @Nullable Integer getMaxAttempts() {
            return maxAttempts;
        }

        /** Sets the attempts before dead-lettering. */
        public void setMaxAttempts(@Nullable Integer maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        /** The age before dead-lettering. */
        public @Nullable Duration getMaxAge() {
            return maxAge;
        }

        /** Sets the age before dead-lettering. */
        public void setMaxAge(@Nullable Duration maxAge) {
            this.maxAge = maxAge;
        }
    }

    /** Outbox settings. */
    public static class Outbox {
        /** Which outbox: auto (JDBC when the application has a DataSource, in memory otherwise), jdbc or memory. */
        private OutboxStore store = OutboxStore.AUTO;

        /** Prefix of the JDBC outbox's tables (tables <prefix>outbox and <prefix>version_marker). */
        private @Nullable String tablePrefix;

        /** Whether the JDBC stores create their tables when missing. */
        private boolean createSchema = true;

        /** Which outbox. */
        public OutboxStore getStore() {
            return store;
        }

        /** Sets which outbox. */
        public void setStore(OutboxStore store) {
            this.store = store;
        }

        /** The JDBC table prefix, or null for the default. */
        public @Nullable String getTablePrefix() {
            return tablePrefix;
        }

        /** Sets the JDBC table prefix. */
        public void setTablePrefix(@Nullable String tablePrefix) {
            this.tablePrefix = tablePrefix;
        }

        /** Whether the JDBC stores create their tables. */
        public boolean isCreateSchema() {
            return createSchema;
        }

        /** Sets whether the JDBC stores create their tables. */
        public void setCreateSchema(boolean createSchema) {
            this.createSchema = createSchema;
        }
    }

    /** The outbox kinds. */
    public enum OutboxStore {
        /** JDBC with a DataSource bean, in memory otherwise. */
        AUTO,
        /** The JDBC outbox on the application's DataSource (required). */
        JDBC,
        /** The in-memory outbox (changes are lost when the application stops). */
        MEMORY
    }

    /** Limits of the Actuator health indicator (when Actuator is present). */
    public static class Health {
        /** Health is DOWN above this many changes waiting in the outbox; negative for no limit. */
        private long maxBacklog = -1;

        /** Health is DOWN above this many dead letters; negative for no limit. */
        private int maxDeadLetters = -1;

        /** The backlog limit. */
        public long getMaxBacklog() {
            return maxBacklog;
        }

        /** Sets the backlog limit. */
        public void setMaxBacklog(long maxBacklog) {
            this.maxBacklog = maxBacklog;
        }

        /** The dead-letter limit. */
        public int getMaxDeadLetters() {
            return maxDeadLetters;
        }

        /** Sets the dead-letter limit. */
        public void setMaxDeadLetters(int maxDeadLetters) {
            this.maxDeadLetters = maxDeadLetters;
        }
    }
}
