package dev.ioflow.destinations;

/**
 * Root of the destinations module's unchecked exceptions. Messages name the destination and the field at
 * fault, never a secret.
 *
 * @since 0.1
 */
public class DestinationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message. */
    public DestinationException(String message) {
        super(message);
    }

    /** An exception with a message and a cause. */
    public DestinationException(String message, Throwable cause) {
        super(message, cause);
    }
}
