package dev.ioflow.odata;

import org.jspecify.annotations.Nullable;

/**
 * Validates {@code Authorization: Bearer <token>} headers (SAP: OAuth 2.0 client-credentials tokens whose request
 * runs as the linked user). Plug in your authorization server's token introspection or JWT verification here.
 *
 * <pre>{@code
 * BearerTokenValidator tokens = token -> jwtVerifier.verify(token)
 *         .map(jwt -> InboundPrincipal.of(jwt.subject(), jwt.groups()))
 *         .orElse(null);
 * }</pre>
 *
 * @since 1.0
 */
@FunctionalInterface
public interface BearerTokenValidator {
    /** The principal the token stands for, or {@code null} when the token is invalid or expired (answered 401). */
    @Nullable InboundPrincipal validate(String token);
}
