package dev.ioflow.destinations;

import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of {@link DestinationClient#testConnection(String)}: SAP's "test the endpoint" as a value.
 *
 * @param status what the test found
 * @param httpStatus the HTTP status received; 0 when no response came back
 * @param message a human-readable explanation, never containing a secret
 * @param duration how long the test took
 * @since 0.1
 */
public record ConnectionTestResult(Status status, int httpStatus, String message, Duration duration) {

    /**
     * What a connection test found.
     *
     * @since 0.1
     */
    public enum Status {
        /** The endpoint answered (2xx, 3xx, or a 4xx other than 401, 403 and 404). */
        REACHABLE,
        /** The endpoint or the OAuth token endpoint refused the credentials (401, 403, token error). */
        AUTH_REJECTED,
        /** The endpoint answered 404: the host is reachable, the URL path is wrong. */
        NOT_FOUND,
        /** The endpoint answered 5xx. */
        SERVER_ERROR,
        /** The TLS handshake failed. */
        TLS_FAILURE,
        /** The host name did not resolve. */
        DNS_FAILURE,
        /** The connection was refused or could not be established. */
        CONNECT_FAILURE,
        /** A timeout expired. */
        TIMEOUT,
        /** The URL uses plain HTTP to a non-loopback host without the explicit opt-in. */
        INSECURE_URL,
        /** The destination is inactive; nothing was sent. */
        INACTIVE,
        /** Any other I/O failure. */
        IO_FAILURE
    }

    /** Checks the parts. */
    public ConnectionTestResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(duration, "duration");
    }

    /** @return whether the endpoint is {@link Status#REACHABLE} */
    public boolean isReachable() {
        return status == Status.REACHABLE;
    }
}
