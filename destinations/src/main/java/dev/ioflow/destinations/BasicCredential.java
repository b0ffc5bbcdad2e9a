package dev.ioflow.destinations;

import java.util.Objects;

/**
 * HTTP Basic authentication: SAP's <em>Basic Credential</em>.
 *
 * @param username the user name (shown by {@code toString()})
 * @param password the password (never shown)
 * @since 0.1
 */
public record BasicCredential(String username, Secret password) implements Credential {

    /** Checks the parts; a user name must not contain {@code ':'} (RFC 7617). */
    public BasicCredential {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (username.isBlank() || username.indexOf(':') >= 0) {
            throw new IllegalArgumentException("Basic credential user name must be non-blank and must not contain ':'");
        }
    }
}
