package dev.ioflow.emarsys;

import dev.ioflow.core.IoflowException;
import org.jspecify.annotations.Nullable;

/**
 * Root of the Emarsys adapter's unchecked exceptions. When Emarsys answered, the exception carries the HTTP status
 * and the envelope's {@code replyCode} and {@code replyText}; messages never contain a credential.
 *
 * <p>Subtypes: {@link EmarsysAuthException}, {@link EmarsysValidationException}, {@link EmarsysRateLimitException},
 * {@link EmarsysServerException} (answers from Emarsys) and {@link EmarsysMappingException} (contact mapping).
 *
 * <p>A subclass of {@link IoflowException}, so {@code catch (IoflowException e)} catches Emarsys failures too.
 *
 * @since 0.1
 */
public class EmarsysException extends IoflowException {
    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final int replyCode;
    private final @Nullable String replyText;

    /** An exception that did not come from an Emarsys reply (HTTP status and reply code 0). */
    public EmarsysException(String message) {
        this(message, 0, 0, null, null);
    }

    /**
     * An exception for an Emarsys reply.
     *
     * @param message    what went wrong, where
     * @param httpStatus the HTTP status, or 0 when there was no response (I/O error)
     * @param replyCode  the envelope's reply code, or 0 when the body carried none
     * @param replyText  the envelope's reply text; null when there was none
     * @param cause      the underlying exception; null for none
     */
    public EmarsysException(String message, int httpStatus, int replyCode, @Nullable String replyText,
                             @Nullable Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.replyCode = replyCode;
        this.replyText = replyText;
    }

    /** The HTTP status of Emarsys' answer, or 0 when there was none. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The envelope's {@code replyCode}, or 0 when the answer carried none. */
    public int replyCode() {
        return replyCode;
    }

    /** The envelope's {@code replyText}; null when there was none. */
    public @Nullable String replyText() {
        return replyText;
    }

    /** Whether sending the same request again later may succeed. */
    public boolean retryable() {
        return false;
    }
}
