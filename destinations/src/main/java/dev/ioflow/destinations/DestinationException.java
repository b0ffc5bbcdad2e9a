package dev.ioflow.destinations;

import dev.ioflow.core.IoflowException;

/**
 * Root of the destinations module's unchecked exceptions. Messages name the destination and the field at
 * fault, never a secret. A subclass of {@link IoflowException}, so {@code catch (IoflowException e)} catches
 * destination failures too.
 *
 * @since 0.1
 */
public class DestinationException extends IoflowException {
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
