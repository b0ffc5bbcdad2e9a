package dev.ioflow.odata;

import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.TypeSystem;
import dev.ioflow.core.VirtualAttributeFunction;
import dev.ioflow.core.persistence.ItemRepository;
import dev.ioflow.core.persistence.memory.InMemoryItemRepository;
import dev.ioflow.odata.internal.persist.Backend;
import dev.ioflow.odata.internal.persist.ChangeSink;
import dev.ioflow.odata.internal.persist.DataProcessor;
import dev.ioflow.odata.internal.olingo.IoService;
import dev.ioflow.odata.internal.olingo.RequestHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every integration object as an SAP Commerce compatible OData V2 service
 * ({@code /odata2webservices/<IntegrationObject>/}), over any item type. Apache Olingo V2 does the protocol
 * (URI and query options, JSON verbose and Atom, {@code $batch}); ioflow supplies the EDMX generated from the
 * integration object, the processing, security and SAP's error format.
 *
 * <p>Clients generated from the {@code $metadata} by other tools work without special cases: the tests drive the
 * service with a client that SAP Cloud SDK for JavaScript generates from it (create, deep create, get by key,
 * {@code $expand}, {@code $filter}, {@code $orderby}, {@code $top}, {@code $skip}, {@code $count}, PATCH, DELETE,
 * {@code $batch}), and a stand-in for SAP Cloud Integration's OData V2 receiver adapter built on Olingo V2's
 * client-side API alone. {@code $select} narrows the properties of an answer, with or without {@code $expand}
 * (Cloud Integration's query editor always writes one). Besides SAP's methods the service takes {@code MERGE}
 * (OData V2's PATCH), {@code HEAD} (a GET without body; a {@code HEAD} with {@code X-CSRF-Token: Fetch} is a
 * CSRF-token probe, answered 200 without a token, since, like SAP Commerce's inbound services, ioflow needs none)
 * and methods tunnelled through a POST's {@code X-HTTP-Method}. PUT is answered 405, as SAP Commerce does.
 *
 * <p>The service is framework neutral: {@link #handle(InboundHttpRequest)} answers one request. Serve it with the
 * JDK's built-in server ({@link InboundServer}) or mount it in a Servlet 6 container ({@link InboundServlet}).
 *
 * <pre>{@code
 * InboundService service = InboundService.builder()
 *         .integrationObject(inboundProduct, typeSystem)
 *         .security(InboundSecurity.builder().user("cpi", "secret", InboundSecurity.ADMIN_GROUP).build())
 *         .build();
 * try (InboundServer server = InboundServer.builder(service).port(0).start()) {
 *     System.out.println(server.url("InboundProduct"));
 * }
 * }</pre>
 *
 * @since 1.0
 */
public final class InboundService {
    /** SAP's path prefix of the integration services. */
    public static final String BASE_PATH = "/odata2webservices";
    private static final Logger LOG = LoggerFactory.getLogger(InboundService.class);

    private final Map<String, IntegrationObject> integrationObjects;
    private static final java.util.regex.Pattern ERROR_CODE = java.util.regex.Pattern.compile("\"code\":\"([^\"]*)\"|<code>([^<]*)</code>");
    private static final java.util.regex.Pattern ERROR_MESSAGE = java.util.regex.Pattern.compile("\"value\":\"((?:[^\"\\\\]|\\\\.)*)\"|<message[^>]*>([^<]*)</message>");
    private final RequestHandler handler;
    private final @Nullable InboundMonitor monitor;

    private InboundService(Builder b) {
        Map<String, IoService> services = new LinkedHashMap<>();
        Map<String, IntegrationObject> ios = new LinkedHashMap<>();
        for (Registration r : b.registrations) {
            if (services.putIfAbsent(r.io.code(), new IoService(r.io, r.types, b.virtualFunctions)) != null) {
                throw new IllegalArgumentException("integration object " + r.io.code() + " is registered twice");
            }
            ios.put(r.io.code(), r.io);
        }
        this.integrationObjects = Map.copyOf(ios);
        this.monitor = b.monitor;
        Backend backend = new Backend(b.repository, b.preHooks, b.postHooks, b.changes, b.defaultLanguage);
        this.handler = new RequestHandler(BASE_PATH, services, b.security, b.limits, exchange -> new DataProcessor(exchange, backend));
    }

    /** Starts a builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The codes of the integration objects served, in registration order. */
    public List<String> integrationObjectCodes() {
        return List.copyOf(integrationObjects.keySet());
    }

    /**
     * Answers one request. Never throws for a bad request: every failure is an SAP error document with its status.
     */
    public InboundHttpResponse handle(InboundHttpRequest request) {
        Objects.requireNonNull(request, "request");
        RequestHandler.Outcome outcome = handler.handle(request);
        if (monitor != null && outcome.ioCode() != null) {
            try {
                record(request, outcome);
            } catch (RuntimeException e) {
                // the request is done (a write committed): a failing monitoring store must not turn it into an error
                LOG.warn("inbound request to {} answered {} but not monitored: {}", outcome.ioCode(),
                        outcome.response().status(), e.toString());
            }
        }
        return outcome.response();
    }

    private void record(InboundHttpRequest request, RequestHandler.Outcome outcome) {
        InboundHttpResponse response = outcome.response();
        boolean success = response.status() < 400;
        String body = success ? "" : response.bodyText();
        String messageId = request.header("integrationMessageId");
        monitor.record(InboundRequest.builder()
                .creationTime(monitor.clock().instant())
                .integrationObject(outcome.ioCode())
                .method(RequestHandler.effectiveMethod(request))
                .httpStatus(response.status())
                .integrationKeys(outcome.integrationKeys())
                .error(success ? null : first(ERROR_CODE, body), success ? null : first(ERROR_MESSAGE, body))
                .payload(monitor.keepsPayload(success) && outcome.body().length > 0 ? outcome.body() : null)
                .sapPassport(request.header("SAP-PASSPORT"))
                .messageId(messageId != null ? messageId : request.header("SAP_MessageProcessingLogID"))
                .user(outcome.principal() == null ? null : outcome.principal().name())
                .build());
    }

    private static @Nullable String first(java.util.regex.Pattern pattern, String text) {
        java.util.regex.Matcher m = pattern.matcher(text);
        return !m.find() ? null : m.group(1) != null ? m.group(1) : m.group(2);
    }

    private record Registration(IntegrationObject io, TypeSystem types) {
    }

    /** Builds an {@link InboundService}. */
    public static final class Builder {
        private final List<Registration> registrations = new java.util.ArrayList<>();
        private InboundSecurity security = InboundSecurity.builder().build();
        private InboundLimits limits = InboundLimits.defaults();
        private ItemRepository repository = new InMemoryItemRepository();
        private final Map<String, PrePersistHook> preHooks = new HashMap<>();
        private final Map<String, PostPersistHook> postHooks = new HashMap<>();
        private ChangeSink changes = ChangeSink.NONE;
        private Locale defaultLanguage = Locale.ENGLISH;
        private @Nullable InboundMonitor monitor;
        private final Map<String, VirtualAttributeFunction> virtualFunctions = new HashMap<>();

        private Builder() {
        }

        /** Serves {@code io} over items of {@code types}. The definition must be valid for the type system. */
        public Builder integrationObject(IntegrationObject io, TypeSystem types) {
            registrations.add(new Registration(Objects.requireNonNull(io, "io"), Objects.requireNonNull(types, "types")));
            return this;
        }

        /** Who may call and what they may do; without it, nobody is authenticated and every request is answered 401. */
        public Builder security(InboundSecurity security) {
            this.security = Objects.requireNonNull(security, "security");
            return this;
        }

        /** Body size, $expand depth, $batch size and page sizes; default {@link InboundLimits#defaults()}. */
        public Builder limits(InboundLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Where items are found and stored; default a new in-memory repository. Every request runs in one of its
         * units of work (a {@code $batch} change set in one), committed only when everything succeeded.
         */
        public Builder repository(ItemRepository repository) {
            this.repository = Objects.requireNonNull(repository, "repository");
            return this;
        }

        /** Registers a pre-persist hook under the name requests give in {@code Pre-Persist-Hook} (optionally {@code bean://name}). */
        public Builder prePersistHook(String name, PrePersistHook hook) {
            preHooks.put(requireName(name), Objects.requireNonNull(hook, "hook"));
            return this;
        }

        /** Registers a post-persist hook under the name requests give in {@code Post-Persist-Hook}. */
        public Builder postPersistHook(String name, PostPersistHook hook) {
            postHooks.put(requireName(name), Objects.requireNonNull(hook, "hook"));
            return this;
        }

        /**
         * Closes the loop: every item written through the service becomes a saved change for {@code webhooks}, every
         * deleted one a deleted change, recorded inside the request's unit of work (a {@code $batch} change set's)
         * before it commits; a failure there rolls the write back, and a write that fails or rolls back queues
         * nothing. Needs {@code ioflow-webhook} on the class path.
         *
         * <p>When the {@link #repository repository} is JDBC (its units of work answer
         * {@code unwrap(Connection.class)}) and the webhooks' outbox is transactional
         * ({@link dev.ioflow.webhook.jdbc.JdbcOutbox}), both must be on the same database: the changes are written
         * on the unit of work's connection ({@code webhooks.saved(item, connection)}), so the items and their outbox
         * rows commit together or not at all, and no crash can separate them; after the commit the service wakes the
         * delivery workers, which deliver at once rather than at their next poll. Otherwise (in-memory repository or outbox) the changes are
         * recorded with {@code webhooks.saved(item)} just before the commit: in the transaction a
         * {@link dev.ioflow.webhook.spi.TransactionBinding} finds, or on their own.
         */
        // ioflow-webhook is an optional dependency ('requires static'): users who call this have it.
        @SuppressWarnings("exports")
        public Builder webhooks(dev.ioflow.webhook.WebhookService webhooks) {
            this.changes = WebhookChanges.of(Objects.requireNonNull(webhooks, "webhooks"));
            return this;
        }

        /** Records an {@link InboundRequest} per request; without a monitor nothing is recorded. */
        public Builder monitor(InboundMonitor monitor) {
            this.monitor = Objects.requireNonNull(monitor, "monitor");
            return this;
        }

        /**
         * Registers the function that computes the virtual attributes declared with this logic location (as a
         * {@code PayloadRenderer} does). SAP's services expose virtual attributes as read-only properties:
         * {@code $metadata} lists them as {@code Edm.String}, reads compute them, writes ignore them, and
         * {@code $filter}/{@code $orderby} on them are rejected. Without a function the attribute reads as null.
         */
        public Builder virtualFunction(String logicLocation, VirtualAttributeFunction function) {
            if (Objects.requireNonNull(logicLocation, "logicLocation").isBlank()) {
                throw new IllegalArgumentException("a virtual attribute's logic location must not be blank");
            }
            virtualFunctions.put(logicLocation, Objects.requireNonNull(function, "function"));
            return this;
        }

        /** The language of localized values without {@code Content-Language}/{@code Accept-Language}; default English. */
        public Builder defaultLanguage(Locale language) {
            this.defaultLanguage = Objects.requireNonNull(language, "language");
            return this;
        }

        private static String requireName(String name) {
            if (Objects.requireNonNull(name, "name").isBlank()) {
                throw new IllegalArgumentException("a hook name must not be blank");
            }
            return name;
        }

        /** The service; fails when no integration object is registered or a definition is invalid for its type system. */
        public InboundService build() {
            if (registrations.isEmpty()) {
                throw new IllegalStateException("an inbound service needs at least one integration object");
            }
            return new InboundService(this);
        }
    }
}
