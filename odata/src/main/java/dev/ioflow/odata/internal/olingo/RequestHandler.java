package dev.ioflow.odata.internal.olingo;

import dev.ioflow.odata.AccessRight;
import dev.ioflow.odata.InboundHttpRequest;
import dev.ioflow.odata.InboundHttpResponse;
import dev.ioflow.odata.InboundLimits;
import dev.ioflow.odata.InboundPrincipal;
import dev.ioflow.odata.InboundSecurity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.apache.olingo.odata2.api.commons.ODataHttpMethod;
import org.apache.olingo.odata2.api.edm.Edm;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The framework-neutral request pipeline: path checks, service lookup, authentication, rights, body limit, then
 * Olingo. Every failure becomes an SAP error document; nothing below it reaches the caller as a stack trace.
 */
public final class RequestHandler {
    private static final Logger LOG = LoggerFactory.getLogger(RequestHandler.class);

    private final String basePath;
    private final Map<String, IoService> services;
    private final InboundSecurity security;
    private final InboundLimits limits;
    private final ProcessorFactory processors;

    public RequestHandler(String basePath, Map<String, IoService> services, InboundSecurity security, InboundLimits limits,
                          ProcessorFactory processors) {
        this.basePath = basePath;
        this.services = Map.copyOf(services);
        this.security = security;
        this.limits = limits;
        this.processors = processors;
    }

    /** The outcome of one request, with what monitoring needs to know. */
    public record Outcome(InboundHttpResponse response, @Nullable String ioCode, @Nullable InboundPrincipal principal,
                          byte[] body, java.util.List<String> integrationKeys) {
    }

    /**
     * What is known about a request while it is routed, so that a failure is still monitored against its
     * integration object and user: the IO code once the path names one (even an unknown one, answered 404), the
     * principal once authenticated (never the credentials).
     */
    private static final class Attempt {
        private @Nullable String ioCode;
        private @Nullable InboundPrincipal principal;
    }

    /** Longest IO code from a request path that monitoring keeps; longer ones are cut (they name no service). */
    private static final int MAX_RECORDED_CODE = 128;

    public Outcome handle(InboundHttpRequest request) {
        String accept = request.header("Accept");
        Attempt attempt = new Attempt();
        try {
            return route(request, attempt);
        } catch (SapError e) {
            return new Outcome(Responses.error(e, accept, e.status() == 401 ? Map.of("WWW-Authenticate",
                    "Basic realm=\"odata2webservices\"") : Map.of()), attempt.ioCode, attempt.principal, new byte[0],
                    java.util.List.of());
        } catch (RuntimeException | IOException e) {
            LOG.warn("unexpected failure before OData processing", e);
            return new Outcome(Responses.error(new SapError(500, "internal_error",
                    "An internal error occurred while processing the request."), accept, Map.of()), attempt.ioCode,
                    attempt.principal, new byte[0], java.util.List.of());
        }
    }

    private Outcome route(InboundHttpRequest request, Attempt attempt) throws IOException, SapError {
        String rawPath = request.uri().getRawPath() == null ? "" : request.uri().getRawPath();
        for (String segment : rawPath.split("/")) {
            String decoded = decode(segment);
            if (decoded.equals("..") || decoded.equals(".") || decoded.contains("/") || decoded.contains("\\")) {
                throw SapError.badRequest("invalid_path", "The request path must not contain '.' or '..' segments or encoded slashes.");
            }
        }
        if (!rawPath.startsWith(basePath + "/")) {
            throw new SapError(404, "not_found", "No OData service at this path; services live under " + basePath + "/<IntegrationObject>/.");
        }
        String rest = rawPath.substring(basePath.length() + 1);
        int slash = rest.indexOf('/');
        String ioRaw = slash < 0 ? rest : rest.substring(0, slash);
        String odataPath = slash < 0 ? "" : rest.substring(slash + 1);
        String ioCode = decode(ioRaw);
        if (!ioCode.isBlank()) {
            attempt.ioCode = ioCode.length() <= MAX_RECORDED_CODE ? ioCode : ioCode.substring(0, MAX_RECORDED_CODE);
        }
        IoService service = services.get(ioCode);
        if (service == null) {
            throw new SapError(404, "not_found", "There is no integration object service [" + ioCode + "].");
        }
        InboundPrincipal principal = request.principal() != null ? request.principal()
                : security.authenticate(request.header("Authorization"));
        attempt.principal = principal;
        if (principal == null) {
            throw new SapError(401, "unauthorized", request.header("Authorization") == null
                    ? "Authentication is required." : "The credentials are not valid.");
        }
        String httpMethod = effectiveMethod(request);
        if (httpMethod.equals("HEAD") && "fetch".equalsIgnoreCase(request.header("X-CSRF-Token"))) {
            // A CSRF token probe (SAP Cloud SDK sends one before every write, to the write's URL). ioflow, like SAP
            // Commerce's inbound services, neither needs nor issues tokens: answered 200 without a token, not monitored.
            return new Outcome(InboundHttpResponse.of(200, Map.of(), new byte[0]), null, principal, new byte[0],
                    java.util.List.of());
        }
        ODataHttpMethod method = method(httpMethod);
        checkRights(principal, service.code(), method, odataPath);
        byte[] body = readBody(request);
        Exchange exchange = new Exchange(service, principal, security, limits);
        URI root = URI.create(origin(request.uri()) + basePath + "/" + ioRaw + "/");
        Edm edm = service.edms().borrow();
        try {
            InputStream in = new ByteArrayInputStream(body);
            InboundHttpResponse response = Responses.from(OlingoBridge.dispatch(new ServiceFactory(exchange, processors, edm),
                    method, method.name(), root, request.uri(), odataPath, request.uri().getRawQuery(),
                    request.headers(), in));
            if (httpMethod.equals("HEAD")) {
                response = InboundHttpResponse.of(response.status(), response.headers(), new byte[0]);
            }
            return new Outcome(response, ioCode, principal, body, exchange.integrationKeys());
        } catch (SapError e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Olingo dispatch failed", e);
        } finally {
            service.edms().giveBack(edm);
        }
    }

    private void checkRights(InboundPrincipal principal, String io, ODataHttpMethod method, String odataPath) throws SapError {
        boolean metadata = odataPath.equals("$metadata");
        boolean batch = odataPath.equals("$batch");
        boolean allowed = switch (method) {
            case GET -> metadata ? security.allowsMetadata(principal, io) : security.allows(principal, io, AccessRight.READ);
            case DELETE -> security.allows(principal, io, AccessRight.DELETE);
            // $batch: every operation is checked again by the processor; entering needs some right
            case POST -> batch ? security.allowsMetadata(principal, io) || security.allows(principal, io, AccessRight.DELETE)
                    : security.allows(principal, io, AccessRight.WRITE);
            default -> security.allows(principal, io, AccessRight.WRITE);
        };
        if (!allowed) {
            throw new SapError(403, "forbidden", "The user [" + principal.name() + "] lacks the privileges for "
                    + method + " on the integration object [" + io + "].");
        }
    }

    /**
     * The method asked for, upper case: a POST tunnelling another method through {@code X-HTTP-Method} (or
     * {@code X-HTTP-Method-Override}), as OData V2 clients behind restrictive proxies do, counts as that method:
     * it is processed, authorized and monitored as such.
     */
    public static String effectiveMethod(InboundHttpRequest request) {
        String method = request.method().toUpperCase(Locale.ROOT);
        if (method.equals("POST")) {
            String tunnelled = request.header("X-HTTP-Method");
            if (tunnelled == null) {
                tunnelled = request.header("X-HTTP-Method-Override");
            }
            if (tunnelled != null && !tunnelled.isBlank()) {
                return tunnelled.trim().toUpperCase(Locale.ROOT);
            }
        }
        return method;
    }

    /**
     * The OData method of an HTTP method. Besides SAP's GET, POST, PATCH and DELETE: {@code HEAD} is a GET
     * without body (SAP Cloud SDK fetches CSRF tokens with it before every write), and {@code MERGE} is OData
     * V2's name for PATCH (same partial-update semantics; SAP Cloud Integration's OData V2 receiver adapter
     * offers it as an operation).
     * PUT (full replacement) stays unsupported, as in SAP Commerce.
     */
    private static ODataHttpMethod method(String method) throws SapError {
        ODataHttpMethod m = switch (method) {
            case "GET", "HEAD" -> ODataHttpMethod.GET;
            case "POST" -> ODataHttpMethod.POST;
            case "PATCH" -> ODataHttpMethod.PATCH;
            case "MERGE" -> ODataHttpMethod.MERGE;
            case "DELETE" -> ODataHttpMethod.DELETE;
            default -> null;
        };
        if (m == null) {
            throw new SapError(405, "method_not_allowed", "The method " + method
                    + " is not supported; use GET, POST, PATCH (or MERGE) or DELETE.");
        }
        return m;
    }

    private byte[] readBody(InboundHttpRequest request) throws IOException, SapError {
        String length = request.header("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > limits.maxBodyBytes()) {
                    throw tooLarge();
                }
            } catch (NumberFormatException e) {
                throw SapError.badRequest("odata_error", "The Content-Length header is not a number.");
            }
        }
        try (InputStream in = request.body()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBodyBytes() + 1));
            if (body.length > limits.maxBodyBytes()) {
                throw tooLarge();
            }
            return body;
        }
    }

    private SapError tooLarge() {
        return new SapError(413, "payload_too_large", "The request body exceeds the limit of " + limits.maxBodyBytes() + " bytes.");
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private static String decode(String s) throws SapError {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw SapError.badRequest("invalid_path", "The request path is not valid percent-encoding.");
        }
    }
}
