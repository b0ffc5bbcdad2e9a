package dev.ioflow.core;

/**
 * The use an integration object is declared for (SAP's {@code integrationType}).
 *
 * @since 0.1
 */
public enum IntegrationType {
    /** Inbound (SAP's default for definitions written in ImpEx); still usable for outbound rendering. */
    INBOUND,
    /** Outbound: webhooks and outbound sync. */
    OUTBOUND
}
