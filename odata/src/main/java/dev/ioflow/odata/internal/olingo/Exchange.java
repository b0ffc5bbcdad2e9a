package dev.ioflow.odata.internal.olingo;

import dev.ioflow.odata.InboundLimits;
import dev.ioflow.odata.InboundPrincipal;
import dev.ioflow.odata.InboundSecurity;
import java.util.ArrayList;
import java.util.List;

/**
 * What one HTTP request carries through Olingo into the processor: the service, who calls, the limits, and what the
 * request did (the integration keys it touched, for monitoring).
 */
public final class Exchange {
    private final IoService service;
    private final InboundPrincipal principal;
    private final InboundSecurity security;
    private final InboundLimits limits;
    private final List<String> integrationKeys = new ArrayList<>();

    public Exchange(IoService service, InboundPrincipal principal, InboundSecurity security, InboundLimits limits) {
        this.service = service;
        this.principal = principal;
        this.security = security;
        this.limits = limits;
    }

    public IoService service() {
        return service;
    }

    public InboundPrincipal principal() {
        return principal;
    }

    public InboundSecurity security() {
        return security;
    }

    public InboundLimits limits() {
        return limits;
    }

    public void touched(String integrationKey) {
        integrationKeys.add(integrationKey);
    }

    public List<String> integrationKeys() {
        return List.copyOf(integrationKeys);
    }
}
