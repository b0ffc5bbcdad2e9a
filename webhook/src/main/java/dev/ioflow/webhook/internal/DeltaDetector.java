package dev.ioflow.webhook.internal;

import dev.ioflow.core.PayloadHash;
import dev.ioflow.webhook.ChangeType;
import dev.ioflow.webhook.spi.MarkerKey;
import dev.ioflow.webhook.spi.OutboxEntry;
import dev.ioflow.webhook.spi.VersionMarkerStore;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether a payload is a change: it is when its hash differs from the newest change this process queued
 * for the key (if one may still be on its way), or from the marker of the last delivery. Comparing with the queued
 * change too means that a save reverting an undelivered one is still sent. A payload equal to the queued change is
 * sent again unless the marker already holds it: with an outbox shared by several instances, another instance may
 * have delivered the queued change and a newer one since, and this process would not know. (Saving the same state
 * again while its first change is in flight therefore sends it twice; while it is pending, the two coalesce.)
 *
 * <p>Only keys with a change on its way are held here. Entries queued by another process (shared JDBC outbox) or
 * before a restart are not known, so for them only the marker counts.
 */
public final class DeltaDetector {
    private final VersionMarkerStore markers;
    private final ConcurrentHashMap<MarkerKey, Queued> queued = new ConcurrentHashMap<>();

    /** A detector over this marker store. */
    public DeltaDetector(VersionMarkerStore markers) {
        this.markers = markers;
    }

    /** Whether a SAVED payload with this hash is a change. */
    public boolean isChanged(MarkerKey key, PayloadHash hash) {
        Queued pending = queued.get(key);
        if (pending != null && (pending.type() == ChangeType.DELETED || !pending.hash().equals(hash))) {
            return true;
        }
        // Equal to the queued change: that one may already have been delivered by another instance sharing the
        // outbox, and overtaken by a newer change since, so only the marker can say the receiver has this payload.
        Optional<PayloadHash> delivered = markers.get(key);
        return delivered.isEmpty() || !delivered.get().equals(hash);
    }

    /** A change was (about to be) queued. */
    public void queued(MarkerKey key, ChangeType type, PayloadHash hash) {
        queued.put(key, new Queued(type, hash));
    }

    /** The change was delivered: the marker follows it. */
    public void delivered(MarkerKey key, ChangeType type, PayloadHash hash) {
        if (type == ChangeType.DELETED) {
            markers.remove(key);
        } else {
            markers.put(key, hash);
        }
        queued.remove(key, new Queued(type, hash));
    }

    /**
     * A dead letter is being put back into the queue: it counts as on its way unless a newer change of its key
     * already is, so that a save reverting it is still sent.
     */
    public void replayed(OutboxEntry entry) {
        queued.putIfAbsent(new MarkerKey(entry.integrationObject(), entry.destinationId(), entry.integrationKey()),
                new Queued(entry.changeType(), entry.payloadHash()));
    }

    /** The change will not be delivered (dead letter, or the outbox refused it). */
    public void abandoned(MarkerKey key, ChangeType type, PayloadHash hash) {
        queued.remove(key, new Queued(type, hash));
    }

    private record Queued(ChangeType type, PayloadHash hash) {
    }
}
