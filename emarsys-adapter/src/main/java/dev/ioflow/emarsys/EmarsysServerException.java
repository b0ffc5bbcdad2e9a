package dev.ioflow.emarsys;

import org.jspecify.annotations.Nullable;

/**
 * Emarsys failed (HTTP 5xx, reply code 2011 database error), answered something that is not its envelope, or could
 * not be reached at all ({@link #httpStatus()} 0, the I/O error as cause). Retrying later may succeed.
 *
 * @since 0.1
 */
public class EmarsysServerException extends EmarsysException {
    private static final long serialVersionUID = 1L;

    /** See {@link EmarsysException#EmarsysException(String, int, int, String, Throwable)}. */
    public EmarsysServerException(String message, int httpStatus, int replyCode, @Nullable String replyText,
                                  @Nullable Throwable cause) {
        super(message, httpStatus, replyCode, replyText, cause);
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
