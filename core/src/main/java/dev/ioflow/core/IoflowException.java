package dev.ioflow.core;

/**
 * Root of ioflow's unchecked exceptions. Messages name the offending value and where it was found,
 * never a secret.
 *
 * @since 0.1
 */
public class IoflowException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message. */
    public IoflowException(String message) {
        super(message);
    }

    /** An exception with a message and a cause. */
    public IoflowException(String message, Throwable cause) {
        super(message, cause);
    }
}
