package dev.ioflow.webhook.internal;

import dev.ioflow.webhook.ChangeType;
import dev.ioflow.webhook.spi.OutboxEntry;

/**
 * The outboxes' coalescing rule: a newer change of a key replaces its pending one, except that a save (also a creation
 * or update) never replaces
 * a pending delete (it queues behind it), so that a delete is never lost to a later re-creation of the key.
 */
public final class Coalescing {

    private Coalescing() {
    }

    /** Whether {@code newer} replaces {@code pending}, a pending change of the same ordering key. */
    public static boolean replaces(OutboxEntry newer, OutboxEntry pending) {
        return !(pending.changeType() == ChangeType.DELETED && newer.changeType() != ChangeType.DELETED);
    }
}
