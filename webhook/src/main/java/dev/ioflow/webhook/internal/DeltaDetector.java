package dev.ioflow.webhook.internal;

import dev.ioflow.core.PayloadHash;
import dev.ioflow.webhook.ChangeType;
import dev.ioflow.webhook.spi.KeyState;
import dev.ioflow.webhook.spi.MarkerKey;
import dev.ioflow.webhook.spi.Outbox;
import dev.ioflow.webhook.spi.OutboxEntry;
import dev.ioflow.webhook.spi.PendingChange;
import dev.ioflow.webhook.spi.VersionMarkerStore;
import dev.ioflow.webhook.spi.Settlement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a saved payload is a change. It compares the payload's hash with, in this order:
 * <ol>
 *   <li>the newest change of its key that this process made but has not appended yet (an earlier item of the same
 *       batch or sync run);</li>
 *   <li>the newest live (pending or in-flight) change of its key as the outbox holds it: with a shared or durable
 *       outbox this includes changes queued by other instances or before a restart. Saving the same state twice
 *       while the first copy is queued or in flight sends it once; saving a state the receiver already has while a
 *       different one is queued (a revert) is sent, so that the queued one does not win;</li>
 *   <li>only when nothing is on its way: the marker of the last delivery.</li>
 * </ol>
 */
public final class DeltaDetector {
    private final VersionMarkerStore markers;
    private final Outbox outbox;
    /** Changes made by {@link #queued} and not yet appended (or abandoned), by ordering key. */
    private final ConcurrentHashMap<String, PendingChange> unappended = new ConcurrentHashMap<>();

    /** A detector over this marker store and outbox. */
    public DeltaDetector(VersionMarkerStore markers, Outbox outbox) {
        this.markers = markers;
        this.outbox = outbox;
    }

    /**
     * Whether a SAVED payload with this hash is a change for the webhook, with what {@link #lookUp} read
     * beforehand.
     */
    public boolean isChanged(String webhookId, MarkerKey key, PayloadHash hash, Known known) {
        return classify(webhookId, key, hash, known) != null;
    }

    /**
     * What a save of a payload with this hash is for the webhook, from what delta detection looks at anyway (no
     * further lookup): null when it changes nothing; {@link ChangeType#CREATED} when the receiver has no record of
     * the item as far as ioflow knows (nothing delivered and nothing on its way, or a delete on its way) or a
     * creation is still on its way; {@link ChangeType#UPDATED} otherwise.
     */
    public @Nullable ChangeType classify(String webhookId, MarkerKey key, PayloadHash hash) {
        return classify(webhookId, key, hash, Known.NOTHING);
    }

    /** As {@link #classify(String, MarkerKey, PayloadHash)}, with what {@link #lookUp} read beforehand. */
    public @Nullable ChangeType classify(String webhookId, MarkerKey key, PayloadHash hash, Known known) {
        PendingChange pending = pending(webhookId, key, known);
        if (pending != null) {
            if (!pending.differsFrom(hash)) {
                return null;
            }
            ChangeType onItsWay = pending.changeType();
            return onItsWay == ChangeType.CREATED || onItsWay == ChangeType.DELETED ? ChangeType.CREATED
                    : ChangeType.UPDATED;
        }
        PayloadHash delivered = known.markersRead.contains(key) ? known.markers.get(key) : markers.get(key);
        if (delivered == null) {
            return ChangeType.CREATED;
        }
        return delivered.equals(hash) ? null : ChangeType.UPDATED;
    }

    /**
     * The type of the newest change of the key that is on its way (unappended or live in the outbox), or null, with
     * what {@link #lookUp} read beforehand.
     */
    public @Nullable ChangeType pendingType(String webhookId, MarkerKey key, Known known) {
        PendingChange pending = pending(webhookId, key, known);
        return pending == null ? null : pending.changeType();
    }

    private @Nullable PendingChange pending(String webhookId, MarkerKey key, Known known) {
        String orderingKey = orderingKey(webhookId, key);
        PendingChange pending = unappended.get(orderingKey);
        if (pending != null) {
            return pending;
        }
        if (known.liveRead.contains(orderingKey)) {
            return known.live.get(orderingKey);
        }
        return outbox.newestLive(webhookId, key.destinationId(), key.integrationKey());
    }

    /**
     * Reads the live changes and markers of these keys of one webhook in two store calls (one query each with the
     * JDBC stores; one query for both when there is one key and the outbox's database holds the markers), for the
     * decisions of one chunk of saves.
     */
    public Known lookUp(String webhookId, List<MarkerKey> keys) {
        if (keys.isEmpty()) {
            return Known.NOTHING;
        }
        if (keys.size() == 1) {
            return lookUp(webhookId, keys.get(0));
        }
        Map<String, List<String>> byDestination = new HashMap<>();
        for (MarkerKey key : keys) {
            byDestination.computeIfAbsent(key.destinationId(), d -> new ArrayList<>()).add(key.integrationKey());
        }
        Map<String, PendingChange> live = new HashMap<>();
        Set<String> liveRead = new HashSet<>();
        byDestination.forEach((destination, integrationKeys) -> {
            outbox.newestLive(webhookId, destination, integrationKeys).forEach((integrationKey, change) ->
                    live.put(OutboxEntry.orderingKey(webhookId, destination, integrationKey), change));
            integrationKeys.forEach(k -> liveRead.add(OutboxEntry.orderingKey(webhookId, destination, k)));
        });
        return new Known(live, liveRead, markers.getAll(keys), Set.copyOf(keys));
    }

    /** One save's reads: one round trip where the outbox's database holds the markers too. */
    private Known lookUp(String webhookId, MarkerKey key) {
        KeyState state = outbox.keyState(webhookId, key, markers);
        String orderingKey = orderingKey(webhookId, key);
        PendingChange newest = state.newestLive();
        PayloadHash marker = state.marker();
        Map<String, PendingChange> live = newest == null ? Map.of() : Map.of(orderingKey, newest);
        Map<MarkerKey, PayloadHash> delivered = marker == null ? Map.of() : Map.of(key, marker);
        return new Known(live, Set.of(orderingKey), delivered, Set.of(key));
    }

    /** What {@link #lookUp} read: live changes by ordering key, markers by key, and which keys it covers. */
    public static final class Known {
        static final Known NOTHING = new Known(Map.of(), Set.of(), Map.of(), Set.of());
        private final Map<String, PendingChange> live;
        private final Set<String> liveRead;
        private final Map<MarkerKey, PayloadHash> markers;
        private final Set<MarkerKey> markersRead;

        Known(Map<String, PendingChange> live, Set<String> liveRead, Map<MarkerKey, PayloadHash> markers,
              Set<MarkerKey> markersRead) {
            this.live = live;
            this.liveRead = liveRead;
            this.markers = markers;
            this.markersRead = markersRead;
        }
    }

    /** A change was made and is about to be appended: later items of the same batch compare with it. */
    public void queued(String webhookId, MarkerKey key, ChangeType type, PayloadHash hash) {
        unappended.put(orderingKey(webhookId, key), new PendingChange(type, hash));
    }

    /** The change is in the outbox now (or the outbox refused it): the outbox answers for it from here on. */
    public void appended(OutboxEntry entry) {
        unappended.remove(entry.orderingKey(), new PendingChange(entry.changeType(), entry.payloadHash()));
    }

    /** The change was delivered: the marker follows it. */
    public void delivered(MarkerKey key, ChangeType type, PayloadHash hash) {
        if (type == ChangeType.DELETED) {
            markers.remove(key);
        } else {
            markers.put(key, hash);
        }
    }

    /**
     * Settles a worker pass, moving the markers of the deliveries among the settlements whose claim holds (in the
     * outbox's transaction where it shares the marker store's database); returns the refused settlements.
     */
    public List<Settlement> settle(List<Settlement> settlements, Instant leaseUntil) {
        return settlements.isEmpty() ? List.of() : outbox.settle(settlements, markers, leaseUntil);
    }

    private static String orderingKey(String webhookId, MarkerKey key) {
        return OutboxEntry.orderingKey(webhookId, key.destinationId(), key.integrationKey());
    }
}
