package dev.ioflow.webhook;

/**
 * The outcome of one delivery attempt, as monitoring shows it.
 *
 * @since 0.1
 */
public enum OutboundRequestStatus {
    /** Delivered. */
    SUCCESS,
    /** Failed; another attempt is scheduled. */
    RETRY,
    /** Failed for good: the change is now a dead letter (replayable). */
    ERROR
}
