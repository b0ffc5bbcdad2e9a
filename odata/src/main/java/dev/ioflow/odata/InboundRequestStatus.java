package dev.ioflow.odata;

import dev.ioflow.core.monitoring.MonitorOutcome;

/**
 * The outcome of an inbound request, as SAP's {@code IntegrationRequestStatus}.
 *
 * @since 1.0
 */
public enum InboundRequestStatus {
    /** Answered with a 2xx status. */
    SUCCESS,
    /** Answered with an error document. */
    ERROR;

    /** The outcome that retention and payload settings go by. */
    public MonitorOutcome outcome() {
        return this == SUCCESS ? MonitorOutcome.SUCCESS : MonitorOutcome.FAILURE;
    }
}
