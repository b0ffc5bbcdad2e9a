package dev.ioflow.destinations;

import dev.ioflow.destinations.internal.HttpTokens;
import java.util.Objects;

/**
 * An API key sent in a header of its own, e.g. {@code X-Api-Key: <key>}.
 *
 * @param headerName the header name (a valid HTTP token)
 * @param key the key (never shown)
 * @since 0.1
 */
public record ApiKeyCredential(String headerName, Secret key) implements Credential {

    /** Checks the header name is a valid HTTP token and the key is present. */
    public ApiKeyCredential {
        Objects.requireNonNull(headerName, "headerName");
        Objects.requireNonNull(key, "key");
        if (!HttpTokens.isToken(headerName)) {
            throw new IllegalArgumentException("API key header name '" + headerName + "' is not a valid HTTP header name");
        }
        if (key.isBlank()) {
            throw new IllegalArgumentException("API key for header '" + headerName + "' must not be blank");
        }
        if (!HttpTokens.isValidValue(key.reveal())) {
            // Checked here: OkHttp would refuse it at send time with a message quoting the key.
            throw new IllegalArgumentException("API key for header '" + headerName
                    + "' contains control or non-ASCII characters (a trailing line break?)");
        }
    }
}
