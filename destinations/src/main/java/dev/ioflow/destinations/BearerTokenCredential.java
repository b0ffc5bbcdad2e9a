package dev.ioflow.destinations;

import java.util.Objects;

/**
 * A static bearer token, sent as {@code Authorization: Bearer <token>}.
 *
 * @param token the token (never shown)
 * @since 0.1
 */
public record BearerTokenCredential(Secret token) implements Credential {

    /** Checks the token is present. */
    public BearerTokenCredential {
        Objects.requireNonNull(token, "token");
        if (token.isBlank()) {
            throw new IllegalArgumentException("bearer token must not be blank");
        }
    }
}
