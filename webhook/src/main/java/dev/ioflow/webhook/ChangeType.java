package dev.ioflow.webhook;

/**
 * What happened to an item. SAP's {@code ItemSaved} covers both creation and update.
 *
 * @since 0.1
 */
public enum ChangeType {
    /** The item was created or updated. */
    SAVED,
    /** The item was deleted; its last payload travels with the change. */
    DELETED
}
