package dev.ioflow.odata;

import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.TypeSystem;
import dev.ioflow.odata.internal.olingo.IoProcessor;
import dev.ioflow.odata.internal.olingo.IoService;
import dev.ioflow.odata.internal.olingo.RequestHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every integration object as an SAP Commerce compatible OData V2 service
 * ({@code /odata2webservices/<IntegrationObject>/}), over any item type. Apache Olingo V2 does the protocol
 * (URI and query options, JSON verbose and Atom, {@code $batch}); ioflow supplies the EDMX generated from the
 * integration object, the processing, security and SAP's error format.
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

    private final Map<String, IntegrationObject> integrationObjects;
    private final RequestHandler handler;

    private InboundService(Builder b) {
        Map<String, IoService> services = new LinkedHashMap<>();
        Map<String, IntegrationObject> ios = new LinkedHashMap<>();
        for (Registration r : b.registrations) {
            if (services.putIfAbsent(r.io.code(), new IoService(r.io, r.types)) != null) {
                throw new IllegalArgumentException("integration object " + r.io.code() + " is registered twice");
            }
            ios.put(r.io.code(), r.io);
        }
        this.integrationObjects = Map.copyOf(ios);
        this.handler = new RequestHandler(BASE_PATH, services, b.security, b.limits, IoProcessor::new);
    }

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
        return handler.handle(request).response();
    }

    private record Registration(IntegrationObject io, TypeSystem types) {
    }

    /** Builds an {@link InboundService}. */
    public static final class Builder {
        private final List<Registration> registrations = new java.util.ArrayList<>();
        private InboundSecurity security = InboundSecurity.builder().build();
        private InboundLimits limits = InboundLimits.defaults();

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

        public Builder limits(InboundLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        public InboundService build() {
            if (registrations.isEmpty()) {
                throw new IllegalStateException("an inbound service needs at least one integration object");
            }
            return new InboundService(this);
        }
    }
}
