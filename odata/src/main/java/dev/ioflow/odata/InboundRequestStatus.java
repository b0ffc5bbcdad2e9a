package dev.ioflow.odata;

/**
 * The outcome of an inbound request, as SAP's {@code IntegrationRequestStatus}.
 *
 * @since 1.0
 */
public enum InboundRequestStatus {
    /** Answered with a 2xx status. */
    SUCCESS,
    /** Answered with an error document. */
    ERROR
}
