package dev.ioflow.spring.odata;

import dev.ioflow.odata.InboundPrincipal;
import dev.ioflow.odata.InboundService;
import dev.ioflow.odata.InboundServlet;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The inbound servlet behind Spring Security: the caller Spring authenticated is the services' principal, its
 * authorities its groups ({@code ROLE_integrationcreategroup} and {@code integrationcreategroup} both mean SAP's
 * {@code integrationcreategroup}), so ioflow checks only the rights per integration object. Anonymous callers are
 * left to ioflow's own check of the {@code Authorization} header (answered 401 without a configured user).
 *
 * @since 1.0
 */
@SuppressWarnings("serial")
public class SpringSecurityInboundServlet extends InboundServlet {
    private static final long serialVersionUID = 1L;
    private static final String ROLE_PREFIX = "ROLE_";

    /**
     * A servlet answering with {@code service}.
     *
     * @param service the inbound services
     */
    public SpringSecurityInboundServlet(InboundService service) {
        super(service);
    }

    @Override
    protected @Nullable InboundPrincipal principal(HttpServletRequest req) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        Set<String> groups = new LinkedHashSet<>();
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null) {
                groups.add(name.startsWith(ROLE_PREFIX) ? name.substring(ROLE_PREFIX.length()) : name);
            }
        }
        return InboundPrincipal.of(authentication.getName(), groups);
    }
}
