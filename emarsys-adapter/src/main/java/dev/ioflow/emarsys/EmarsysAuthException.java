package dev.ioflow.emarsys;

import org.jspecify.annotations.Nullable;

/**
 * Emarsys refused the credentials (HTTP 401, reply code 1: wrong secret, expired token, WSSE clock skew) or the API
 * user may not call the endpoint (HTTP 403). A 401 is {@linkplain #retryable() retryable}: an OAuth token is
 * refreshed after a 401 and a WSSE timestamp is fresh on the next attempt; a 403 is not.
 *
 * @since 0.1
 */
public class EmarsysAuthException extends EmarsysException {
    private static final long serialVersionUID = 1L;

    /** See {@link EmarsysException#EmarsysException(String, int, int, String, Throwable)}. */
    public EmarsysAuthException(String message, int httpStatus, int replyCode, @Nullable String replyText) {
        super(message, httpStatus, replyCode, replyText, null);
    }

    @Override
    public boolean retryable() {
        return httpStatus() != 403;
    }
}
