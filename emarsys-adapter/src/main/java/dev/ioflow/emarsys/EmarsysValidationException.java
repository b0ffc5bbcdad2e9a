package dev.ioflow.emarsys;

import org.jspecify.annotations.Nullable;

/**
 * Emarsys rejected the request as a whole (HTTP 400, or reply codes such as 1000 batch too large, 2004 invalid key
 * field, 2005 key value missing, 2006 invalid field id, 2007 invalid value). Sending it again will not help.
 *
 * @since 0.1
 */
public class EmarsysValidationException extends EmarsysException {
    private static final long serialVersionUID = 1L;

    /** See {@link EmarsysException#EmarsysException(String, int, int, String, Throwable)}. */
    public EmarsysValidationException(String message, int httpStatus, int replyCode, @Nullable String replyText) {
        super(message, httpStatus, replyCode, replyText, null);
    }
}
