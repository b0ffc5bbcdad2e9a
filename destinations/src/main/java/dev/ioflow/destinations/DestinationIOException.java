package dev.ioflow.destinations;

import java.io.IOException;
import java.util.Objects;

/**
 * The call to a destination failed in transport: no HTTP response was received. Callers treat every
 * {@link Kind} as retryable. The message names the destination id and host, never credentials.
 *
 * @since 0.1
 */
public class DestinationIOException extends DestinationException {
    private static final long serialVersionUID = 1L;

    /**
     * What went wrong in transport.
     *
     * @since 0.1
     */
    public enum Kind {
        /** The host name could not be resolved. */
        DNS,
        /** The TCP connection was refused or could not be established. */
        CONNECT,
        /** The TLS handshake failed (certificate, protocol, cipher). */
        TLS,
        /** A connect, read, write or whole-call timeout expired. */
        TIMEOUT,
        /** Any other I/O failure (connection reset, stream closed early, ...). */
        IO
    }

    private final String destinationId;
    private final Kind kind;

    /**
     * An exception for a failed call.
     *
     * @param destinationId the destination id
     * @param kind what went wrong
     * @param message the message, naming destination and host and never a secret
     * @param cause the underlying I/O exception
     */
    public DestinationIOException(String destinationId, Kind kind, String message, IOException cause) {
        super(message, cause);
        this.destinationId = destinationId;
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** @return the destination the call went to */
    public String destinationId() {
        return destinationId;
    }

    /** @return what went wrong */
    public Kind kind() {
        return kind;
    }
}
