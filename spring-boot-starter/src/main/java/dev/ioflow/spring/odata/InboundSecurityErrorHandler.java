package dev.ioflow.spring.odata;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.apache.olingo.odata2.api.commons.HttpStatusCodes;
import org.apache.olingo.odata2.api.ep.EntityProvider;
import org.apache.olingo.odata2.api.exception.ODataException;
import org.apache.olingo.odata2.api.processor.ODataErrorContext;
import org.apache.olingo.odata2.api.processor.ODataResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers Spring Security's refusals on the OData services' paths as SAP Commerce does, with an OData error
 * document instead of Spring's or the container's error page: 401 {@code unauthorized} (with
 * {@code WWW-Authenticate: Basic realm="odata2webservices"}) for a missing or wrong credential, 403
 * {@code forbidden} for an authenticated caller Spring denies. The document is JSON
 * ({@code {"error":{"code":"unauthorized","message":{"lang":"en","value":"Authentication is required."}}}}) when
 * the caller accepts JSON, else XML, as the services choose for their own errors.
 *
 * <p>The services' auto-configured filter chain uses the {@code ioflowInboundSecurityErrorHandler} bean; a filter
 * chain of the application's own for {@code /odata2webservices/**} (e.g. OAuth 2.0 bearer tokens) can use it too:
 *
 * <pre>{@code
 * @Bean
 * @Order(Ordered.HIGHEST_PRECEDENCE + 100)
 * SecurityFilterChain ioflowInboundSecurityFilterChain(HttpSecurity http, InboundSecurityErrorHandler sapErrors)
 *         throws Exception {
 *     return http.securityMatcher("/odata2webservices/**")
 *             .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
 *             .oauth2ResourceServer(oauth -> oauth.jwt(Customizer.withDefaults()).authenticationEntryPoint(sapErrors))
 *             .exceptionHandling(errors -> errors.authenticationEntryPoint(sapErrors).accessDeniedHandler(sapErrors))
 *             .csrf(csrf -> csrf.disable())
 *             .build();
 * }
 * }</pre>
 *
 * @since 1.0
 */
public final class InboundSecurityErrorHandler implements AuthenticationEntryPoint, AccessDeniedHandler {
    /** The challenge of a 401, as the services send it. */
    static final String CHALLENGE = "Basic realm=\"odata2webservices\"";

    /** Creates the handler. */
    public InboundSecurityErrorHandler() {
    }

    /** Answers 401 {@code unauthorized}: no credential, or one Spring did not accept. */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException authException) throws IOException {
        response.setHeader("WWW-Authenticate", CHALLENGE);
        write(request, response, HttpStatusCodes.UNAUTHORIZED, "unauthorized",
                request.getHeader("Authorization") == null ? "Authentication is required."
                        : "The credentials are not valid.");
    }

    /** Answers 403 {@code forbidden}: the caller is authenticated but Spring denies the request. */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       AccessDeniedException accessDeniedException) throws IOException {
        String user = request.getUserPrincipal() == null ? "" : " [" + request.getUserPrincipal().getName() + "]";
        write(request, response, HttpStatusCodes.FORBIDDEN, "forbidden",
                "The user" + user + " lacks the privileges for this request.");
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, HttpStatusCodes status,
                              String code, String message) throws IOException {
        ODataErrorContext context = new ODataErrorContext();
        String accept = request.getHeader("Accept");
        context.setContentType(accept != null && accept.toLowerCase(Locale.ROOT).contains("json")
                ? "application/json" : "application/xml");
        context.setHttpStatus(status);
        context.setErrorCode(code);
        context.setMessage(message);
        context.setLocale(Locale.ENGLISH);
        ODataResponse document = EntityProvider.writeErrorDocument(context);
        byte[] body;
        try (InputStream in = document.getEntityAsStream()) {
            body = in.readAllBytes();
        } catch (ODataException e) {
            throw new IOException("cannot write the " + status.getStatusCode() + " error document", e);
        }
        response.setStatus(status.getStatusCode());
        response.setContentType(context.getContentType());
        for (String name : document.getHeaderNames()) {
            response.setHeader(name, document.getHeader(name));
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
