package dev.ioflow.core.monitoring;

/**
 * The two kinds of monitoring record that retention and payload settings tell apart (SAP's success and error
 * settings, such as {@code inboundservices.monitoring.success.payload.retention}).
 *
 * @since 1.0
 */
public enum MonitorOutcome {
    /** The request or delivery succeeded. */
    SUCCESS,
    /** It failed (for outbound deliveries: a retry was scheduled, or the change became a dead letter). */
    FAILURE
}
