package dev.ioflow.destinations;

/**
 * No authentication: requests go out without credentials, and redirects may be followed.
 *
 * @since 0.1
 */
public record NoCredential() implements Credential {
}
