package dev.ioflow.webhook;

import dev.ioflow.core.monitoring.MonitorOutcome;

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
    ERROR;

    /**
     * Success or failure, as retention and payload settings tell them apart: {@link #RETRY} and {@link #ERROR} are
     * failures.
     *
     * @since 1.0
     */
    public MonitorOutcome outcome() {
        return this == SUCCESS ? MonitorOutcome.SUCCESS : MonitorOutcome.FAILURE;
    }
}
