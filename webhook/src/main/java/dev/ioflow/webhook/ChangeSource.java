package dev.ioflow.webhook;

/**
 * Where a change came from, as SAP's monitoring records say ({@code source}: {@code WEBHOOKSERVICES} or
 * {@code OUTBOUNDSYNC}).
 *
 * @since 1.0
 */
public enum ChangeSource {
    /** An application event: {@code saved}, {@code created}, {@code updated} or {@code deleted} (SAP: WEBHOOKSERVICES). */
    WEBHOOK,
    /** An outbound sync run over an item source (SAP: OUTBOUNDSYNC). */
    OUTBOUND_SYNC
}
