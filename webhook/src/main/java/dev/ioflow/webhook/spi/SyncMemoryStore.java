package dev.ioflow.webhook.spi;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The memory of an outbound sync, for webhooks that
 * {@linkplain dev.ioflow.webhook.WebhookConfiguration#synchronizeDeletes() synchronize deletes}: per webhook, every
 * item a sync saw, with the number of the last run that saw it and its last payload. Items a finished run did not see
 * disappeared from the source and are sent as DELETED with that payload. With a durable store (the JDBC one) this
 * works across restarts: an item removed while the application was down is still deleted at the receiver by the next
 * run.
 *
 * <p>A run calls {@link #beginRun}, then, chunk by chunk (a few hundred items each), {@link #touch} for the items
 * whose payload did not change and {@link #remember} for the changed ones and those {@code touch} did not know; at
 * the end it reads {@link #missing} items, queues their deletes and {@link #forget}s them, until none is left.
 * Every method works on a whole chunk, so that a database store costs a few statements per chunk, never a round
 * trip per item.
 *
 * <p>Runs of one webhook are expected one at a time (the service serializes its own; with several application
 * instances, run the sync on one of them). Implementations are thread-safe.
 *
 * @since 1.1
 */
public interface SyncMemoryStore {

    /** Starts a run of the webhook's sync: returns a number greater than that of any run the store remembers. */
    long beginRun(String webhookId);

    /**
     * Marks the items with these keys as seen in {@code run}, where the store holds them.
     *
     * @return the keys the store does not hold (to be {@linkplain #remember remembered} with their payload)
     */
    Set<String> touch(String webhookId, long run, Collection<String> integrationKeys);

    /** Stores the items (replacing what the store held for their keys) as seen in {@code run}. */
    void remember(String webhookId, long run, List<SyncedItem> items);

    /**
     * Up to {@code max} items of the webhook that no run since {@code run} (inclusive) has seen, without removing
     * them: {@link #forget} them once their deletes are queued, so that a crash in between repeats a delete rather
     * than losing it.
     */
    List<SyncedItem> missing(String webhookId, long run, int max);

    /** Forgets the items with these keys (their deletes are queued, or the application deleted them). */
    void forget(String webhookId, Collection<String> integrationKeys);
}
