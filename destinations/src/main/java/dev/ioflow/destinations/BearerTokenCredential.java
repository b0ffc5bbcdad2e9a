package dev.ioflow.destinations;

import dev.ioflow.destinations.internal.HttpTokens;
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
        if (!HttpTokens.isValidValue(token.reveal())) {
            throw new IllegalArgumentException("bearer token contains control or non-ASCII characters (a trailing line break?)");
        }
    }
}
