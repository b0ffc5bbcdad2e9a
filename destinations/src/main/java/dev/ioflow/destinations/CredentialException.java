package dev.ioflow.destinations;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A credential could not be used: typically the OAuth token endpoint refused the client or answered
 * nonsense. The message names the token endpoint host, the HTTP status and the OAuth {@code error} code,
 * never the secret.
 *
 * @since 0.1
 */
public class CredentialException extends DestinationException {
    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final String oauthError;

    /**
     * An exception without HTTP details.
     *
     * @param message the message, never containing a secret
     * @param cause the cause, or null
     */
    public CredentialException(String message, Throwable cause) {
        this(message, 0, null, cause);
    }

    /**
     * An exception for a token endpoint response.
     *
     * @param message the message, never containing a secret
     * @param httpStatus the token endpoint's HTTP status, or 0 when none was received
     * @param oauthError the OAuth {@code error} code from the response body, or null
     * @param cause the cause, or null
     */
    public CredentialException(String message, int httpStatus, String oauthError, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.oauthError = oauthError;
    }

    /** @return the token endpoint's HTTP status, when one was received */
    public OptionalInt httpStatus() {
        return httpStatus == 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }

    /** @return the OAuth {@code error} code (e.g. {@code invalid_client}), when the endpoint sent one */
    public Optional<String> oauthError() {
        return Optional.ofNullable(oauthError);
    }
}
