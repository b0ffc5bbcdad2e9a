package dev.ioflow.webhook.spi;

import dev.ioflow.core.PayloadHash;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Where changes wait between the application's call and their delivery. The in-memory outbox is the default;
 * the JDBC outbox makes changes durable before {@code saved(item)} returns and lets several application
 * instances share the work.
 *
 * <p>Contract, for every implementation:
 * <ul>
 *   <li><b>Fencing.</b> Every state change of a claimed entry is conditional on its claim: a worker whose lease
 *       ran out (and whose entry another worker claimed since) cannot complete, reschedule or dead-letter it.</li>
 *   <li><b>Coalescing.</b> {@link #append} replaces a <em>pending</em> (not claimed) entry with the same
 *       {@link OutboxEntry#orderingKey()} by the new one (the newest payload wins, the old message id is dropped);
 *       an entry that is claimed (in flight) is never replaced: the new one queues behind it. A pending DELETED
 *       entry is never replaced by a SAVED one either (the save queues behind it), so that a delete is not lost
 *       when the key is re-created; a DELETED entry does replace a pending SAVED one.</li>
 *   <li><b>Per-key order.</b> {@link #claim} returns only the oldest live entry of each ordering key, and none
 *       for a key whose oldest entry is claimed by someone and its lease has not expired.</li>
 *   <li><b>At least once.</b> A claimed entry that is neither completed, rescheduled nor dead-lettered before its
 *       lease expires (the process died) becomes claimable again, with the same message id.</li>
 *   <li><b>Dead letters</b> leave the live queue (they no longer block their key) until replayed.</li>
 * </ul>
 * Implementations are thread-safe.
 *
 * @since 0.1
 */
public interface Outbox extends AutoCloseable {

    /** Stores the entries (ids are assigned), coalescing as described above; durable when this returns. */
    void append(List<OutboxEntry> entries);

    /**
     * Claims up to {@code max} due entries ({@code nextAttemptAt <= now}, or whose previous claim's lease ended),
     * the oldest due first, leased to {@code owner} until {@code now + lease}. The returned copies carry the claim
     * ({@link OutboxEntry#claimedBy()}, a fresh {@link OutboxEntry#claimToken()}), which every later state change of
     * the entry must present.
     */
    List<OutboxEntry> claim(int max, Instant now, Duration lease, String owner);

    /**
     * Applies settlements of claimed entries, together (one transaction in a database outbox). A settlement whose
     * claim no longer holds (its lease ran out and the entry was claimed again, or it was settled already) is
     * refused and changes nothing.
     *
     * @return the refused settlements, in the given order (empty when all were applied)
     * @since 1.0
     */
    List<Settlement> settle(List<Settlement> settlements);

    /**
     * Applies a worker pass's settlements and moves the version markers of the deliveries among them (a completed
     * save puts its payload hash, a completed delete removes the marker), for the settlements whose claim still
     * holds. A database outbox does it in one transaction when {@code markers} lives in its database (the JDBC
     * outbox with a {@code JdbcVersionMarkerStore} on the same data source). The default takes three steps: it
     * confirms the claims (a renewal to {@code leaseUntil}), writes the confirmed deliveries' markers, then settles,
     * so that a save in between compares with the new marker while the entry is still live.
     *
     * @return the refused settlements, in the given order (empty when all were applied)
     * @since 1.0
     */
    default List<Settlement> settle(List<Settlement> settlements, VersionMarkerStore markers, Instant leaseUntil) {
        Set<OutboxEntry> held = Collections.newSetFromMap(new IdentityHashMap<>());
        held.addAll(renew(settlements.stream().map(Settlement::entry).toList(), leaseUntil));
        List<Settlement> confirmed = new ArrayList<>(settlements.size());
        for (Settlement settlement : settlements) {
            if (held.contains(settlement.entry())) {
                confirmed.add(settlement);
            }
        }
        Map<MarkerKey, @Nullable PayloadHash> delivered = MarkerKey.deliveredBy(confirmed);
        if (!delivered.isEmpty()) {
            markers.apply(delivered);
        }
        Set<Settlement> refused = Collections.newSetFromMap(new IdentityHashMap<>());
        refused.addAll(settle(confirmed));
        List<Settlement> notApplied = new ArrayList<>();
        for (Settlement settlement : settlements) {
            if (!held.contains(settlement.entry()) || refused.contains(settlement)) {
                notApplied.add(settlement);
            }
        }
        return notApplied;
    }

    /**
     * Extends the leases of claimed entries to {@code leaseUntil}, for deliveries that take long; only entries whose
     * claim still holds (same owner and token, not settled) are extended.
     *
     * @return the entries whose claim still holds, in the given order
     * @since 1.0
     */
    List<OutboxEntry> renew(List<OutboxEntry> claimed, Instant leaseUntil);

    /**
     * The claimed entry was delivered: it leaves the outbox.
     *
     * @return false when the claim no longer held and nothing changed
     */
    default boolean complete(OutboxEntry claimed) {
        return settle(List.of(Settlement.completed(claimed))).isEmpty();
    }

    /**
     * The attempt failed and may be retried: releases the claim and records attempts, next time and error.
     *
     * @return false when the claim no longer held and nothing changed
     */
    default boolean reschedule(OutboxEntry claimed, int attempts, Instant nextAttemptAt, @Nullable String lastError) {
        return settle(List.of(Settlement.rescheduled(claimed, attempts, nextAttemptAt, lastError))).isEmpty();
    }

    /**
     * The entry will not be retried: it becomes a dead letter with its last error.
     *
     * @return false when the claim no longer held and nothing changed
     */
    default boolean deadLetter(OutboxEntry claimed, int attempts, String lastError) {
        return settle(List.of(Settlement.deadLettered(claimed, attempts, lastError))).isEmpty();
    }

    /** Dead letters, oldest first. */
    List<OutboxEntry> deadLetters(int limit);

    /**
     * Puts dead letters back into the live queue (attempts reset, due at {@code now}); an empty id list replays all.
     *
     * @return how many were replayed
     */
    int replay(List<Long> ids, Instant now);

    /**
     * The newest live (pending or in-flight) entry of the ordering key (webhook, destination, integration key), as
     * this outbox holds it, that is including entries appended by other application instances or before a restart;
     * null when the key has no live entry (dead letters do not count). Delta detection compares each save with it:
     * a save equal to the change already on its way sends nothing, and one that differs is sent even when it equals
     * what was delivered before (a revert).
     *
     * @since 1.0
     */
    @Nullable PendingChange newestLive(String webhookId, String destinationId, String integrationKey);

    /**
     * The newest live change of a key of the webhook and the key's version marker, which delta detection reads
     * before one save. The default asks {@link #newestLive(String, String, String)}, then {@code markers}; the JDBC
     * outbox reads both in one query when {@code markers} is a {@code JdbcVersionMarkerStore} on its data source.
     *
     * @since 1.0
     */
    default KeyState keyState(String webhookId, MarkerKey key, VersionMarkerStore markers) {
        return new KeyState(newestLive(webhookId, key.destinationId(), key.integrationKey()), markers.get(key));
    }

    /**
     * {@link #newestLive(String, String, String)} for several integration keys of one webhook and destination, by
     * integration key (keys without a live entry are absent). The default asks one key at a time; the JDBC outbox
     * answers in one query.
     *
     * @since 1.0
     */
    default Map<String, PendingChange> newestLive(String webhookId, String destinationId,
                                                  Collection<String> integrationKeys) {
        Map<String, PendingChange> live = new HashMap<>();
        for (String key : integrationKeys) {
            PendingChange change = newestLive(webhookId, destinationId, key);
            if (change != null) {
                live.put(key, change);
            }
        }
        return live;
    }

    /**
     * When the oldest live (pending or in-flight) entry was recorded, for backlog metrics
     * ({@link dev.ioflow.webhook.WebhookService#backlog()}); null when nothing is live. The default returns null:
     * an outbox that cannot tell reports no age. The built-in outboxes answer without scanning the backlog.
     *
     * @since 1.0
     */
    default @Nullable Instant oldestLiveCreatedAt() {
        return null;
    }

    /**
     * Makes the destination's pending (live, unclaimed) entries that are not due yet due at {@code now}, attempts
     * reset: those parked while the destination was disabled, and those waiting for a retry. Called when a
     * {@linkplain dev.ioflow.webhook.DestinationHealthPolicy disabled destination} is enabled again; claims then
     * return them oldest first, each key's in order. The default throws {@link UnsupportedOperationException}: an
     * outbox without it cannot serve a service whose destinations may be disabled (use
     * {@link dev.ioflow.webhook.DestinationHealthPolicy#never()} with it).
     *
     * @return how many entries became due
     * @since 1.1
     */
    default int resume(String destinationId, Instant now) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot resume the changes of destination '"
                + destinationId + "'");
    }

    /** Live (pending or in-flight) entries. */
    long liveCount();

    /**
     * When a worker should look again (workers sleep until then): the earliest instant a live entry becomes
     * claimable, that is a pending head's {@code nextAttemptAt} or an in-flight entry's lease end; null when
     * nothing is live.
     */
    @Nullable Instant nextDueAt();

    /** Releases resources; does not delete anything. */
    @Override
    void close();
}
