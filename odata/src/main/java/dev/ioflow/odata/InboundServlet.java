package dev.ioflow.odata;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.Collections;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Mounts an {@link InboundService} in a Jakarta Servlet 6 container (Tomcat 10.1+, Jetty 12, Spring Boot 3).
 * Map it so that request paths keep SAP's layout, e.g. at {@code /odata2webservices/*} in the root context.
 * Outside loopback, plain HTTP requests are refused (403) unless the container reports them secure (HTTPS, or a
 * proxy it trusts).
 *
 * <pre>{@code
 * ServletRegistration.Dynamic odata = context.addServlet("odata", new InboundServlet(service));
 * odata.addMapping("/odata2webservices/*");
 * }</pre>
 *
 * @since 1.0
 */
// The Servlet API is provided by the container ('requires static'): users of this adapter have it.
@SuppressWarnings({"exports", "serial"})
public class InboundServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient InboundService service;

    /** A servlet answering every request with {@code service}. */
    public InboundServlet(InboundService service) {
        this.service = Objects.requireNonNull(service, "service");
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!req.isSecure() && !isLoopback(req.getRemoteAddr())) {
            resp.sendError(HttpServletResponse.SC_FORBIDDEN, "HTTPS is required");
            return;
        }
        String query = req.getQueryString();
        String path = req.getRequestURI().substring(Math.max(0, req.getContextPath().length()));
        URI uri = URI.create(req.getScheme() + "://" + req.getServerName() + ":" + req.getServerPort() + path
                + (query == null ? "" : "?" + query));
        InboundHttpRequest.Builder request = InboundHttpRequest.builder(req.getMethod(), uri).body(req.getInputStream())
                .principal(principal(req));
        for (String name : Collections.list(req.getHeaderNames())) {
            for (String value : Collections.list(req.getHeaders(name))) {
                request.header(name, value);
            }
        }
        InboundHttpResponse response = service.handle(request.build());
        resp.setStatus(response.status());
        response.headers().forEach(resp::setHeader);
        byte[] body = response.body();
        if (body.length > 0) {
            resp.setContentLength(body.length);
            try (OutputStream out = resp.getOutputStream()) {
                out.write(body);
            }
        }
    }

    /**
     * The caller as the container (or a security filter in front of this servlet) authenticated it, or
     * {@code null} (the default) to let the service authenticate the {@code Authorization} header itself.
     * Override it to trust, for example, Spring Security's authentication.
     *
     * @param req the request
     * @return the authenticated caller, or null
     * @since 1.0
     */
    protected @Nullable InboundPrincipal principal(HttpServletRequest req) {
        return null;
    }

    private static boolean isLoopback(String address) {
        return address != null && (address.startsWith("127.") || address.equals("::1") || address.equals("0:0:0:0:0:0:0:1"));
    }
}
