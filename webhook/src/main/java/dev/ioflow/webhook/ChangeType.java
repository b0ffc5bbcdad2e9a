package dev.ioflow.webhook;

/**
 * What happened to an item, as SAP's webhook event types have it. The application says {@link #CREATED} or
 * {@link #UPDATED} when it knows whether the item is new, and {@link #SAVED} when it does not.
 *
 * <p>As a webhook's event type: {@link #SAVED} (the default, SAP's {@code ItemSaved}) sends saves, creations and
 * updates; {@link #CREATED} sends only creations, {@link #UPDATED} only updates, {@link #DELETED} deletes.
 *
 * <p>Consolidation of pending changes of one root item (SAP sends the receiver's view, not every event): a change
 * while a {@link #CREATED} change is still pending stays {@link #CREATED} (the receiver has not seen the item yet);
 * a delete replaces pending saves; a save never replaces a pending delete, it queues behind it.
 *
 * @since 0.1
 */
public enum ChangeType {
    /** The item was created or updated, the application did not say which (CloudEvents type {@code Updated}). */
    SAVED,
    /** The item was deleted; its last payload travels with the change. */
    DELETED,
    /**
     * The item is new (CloudEvents type {@code Created}).
     *
     * @since 1.0
     */
    CREATED,
    /**
     * The item existed and changed (CloudEvents type {@code Updated}).
     *
     * @since 1.0
     */
    UPDATED;

    /** Whether this is a creation, update or save (anything but a delete). */
    public boolean isSave() {
        return this != DELETED;
    }

    /**
     * Whether a webhook configured for this event type sends changes of type {@code change}: {@link #SAVED}
     * covers saves, creations and updates; the others only themselves.
     *
     * @since 1.0
     */
    public boolean covers(ChangeType change) {
        return this == change || (this == SAVED && change.isSave());
    }

    /** The CloudEvents (SAP) name: {@code Created}, {@code Updated} (also for {@link #SAVED}) or {@code Deleted}. */
    public String cloudEventName() {
        switch (this) {
            case CREATED:
                return "Created";
            case DELETED:
                return "Deleted";
            default:
                return "Updated";
        }
    }
}
