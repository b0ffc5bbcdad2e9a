package dev.ioflow.destinations;

import org.jspecify.annotations.Nullable;

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
    private final @Nullable String oauthError;

    /**
     * An exception without HTTP details.
     *
     * @param message the message, never containing a secret
     * @param cause the cause; null for none
     */
    public CredentialException(String message, @Nullable Throwable cause) {
        this(message, 0, null, cause);
    }

    /**
     * An exception for a token endpoint response.
     *
     * @param message the message, never containing a secret
     * @param httpStatus the token endpoint's HTTP status, or 0 when none was received
     * @param oauthError the OAuth {@code error} code from the response body; null when it sent none
     * @param cause the cause; null for none
     */
    public CredentialException(String message, int httpStatus, @Nullable String oauthError,
                               @Nullable Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.oauthError = oauthError;
    }

    /** @return the token endpoint's HTTP status; 0 when none was received */
    public int httpStatus() {
        return httpStatus;
    }

    /** @return the OAuth {@code error} code (e.g. {@code invalid_client}); null when the endpoint sent none */
    public @Nullable String oauthError() {
        return oauthError;
    }
}
