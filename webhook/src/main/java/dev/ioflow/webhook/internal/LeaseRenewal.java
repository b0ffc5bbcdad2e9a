package dev.ioflow.webhook.internal;

import dev.ioflow.webhook.spi.Outbox;
import dev.ioflow.webhook.spi.OutboxEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews the leases of one pass's claimed entries every third of the lease while the pass delivers, so that a
 * delivery slower than the lease keeps its claim, and tells the pass which claims it still holds before each send:
 * when the process stalled past the lease (a long GC pause, a frozen container), the entries it has not sent yet
 * may belong to another worker now, and sending them would deliver a stale change after a newer one. The renewals
 * run on one shared daemon thread.
 */
final class LeaseRenewal {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseRenewal.class);
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "ioflow-lease-renewal");
        thread.setDaemon(true);
        return thread;
    });

    private final Outbox outbox;
    private final Duration lease;
    private final Clock clock;
    private final List<OutboxEntry> entries;
    /** Ids of the claims found lost (another worker owns the entry, or it is gone). */
    private final Set<Long> lost = new HashSet<>();
    /** Until when every claim not in {@link #lost} is known to hold. */
    private Instant confirmedUntil;
    private final ScheduledFuture<?> task;

    private LeaseRenewal(Outbox outbox, List<OutboxEntry> claimed, Duration lease, Clock clock, Instant claimedAt) {
        this.outbox = outbox;
        this.lease = lease;
        this.clock = clock;
        this.entries = List.copyOf(claimed);
        this.confirmedUntil = claimedAt.plus(lease);
        long period = Math.max(1, lease.toMillis() / 3);
        this.task = TIMER.scheduleAtFixedRate(this::renewQuietly, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts renewing the claims every {@code lease / 3}.
     *
     * @param claimedAt the instant the claim was asked for (its lease runs from there)
     */
    static LeaseRenewal start(Outbox outbox, List<OutboxEntry> claimed, Duration lease, Clock clock,
                              Instant claimedAt) {
        return new LeaseRenewal(outbox, claimed, lease, clock, claimedAt);
    }

    private void renewQuietly() {
        try {
            int held = renew().size();
            if (held < entries.size()) {
                LOG.warn("{} of {} claims of a delivery pass were lost before their lease was renewed",
                        entries.size() - held, entries.size());
            }
        } catch (RuntimeException e) {
            LOG.warn("could not renew the leases of {} claimed changes: {}", entries.size(), e.toString());
        }
    }

    /** Renews every claim not known lost; returns the ids still held. */
    private synchronized Set<Long> renew() {
        List<OutboxEntry> candidates = new ArrayList<>(entries.size());
        for (OutboxEntry e : entries) {
            if (!lost.contains(e.id())) {
                candidates.add(e);
            }
        }
        Instant now = clock.instant();
        Set<Long> held = new HashSet<>();
        for (OutboxEntry e : outbox.renew(candidates, now.plus(lease))) {
            held.add(e.id());
        }
        for (OutboxEntry e : candidates) {
            if (!held.contains(e.id())) {
                lost.add(e.id());
            }
        }
        confirmedUntil = now.plus(lease);
        return held;
    }

    /**
     * The entries of {@code batch} this pass may still send. While the claims are known to hold for at least a
     * third of the lease more, that is every entry not found lost, without a query; otherwise (the pass was slow or
     * the process stalled) the claims are renewed first, and only those that still hold are returned.
     */
    synchronized List<OutboxEntry> held(List<OutboxEntry> batch) {
        if (clock.instant().plus(lease.dividedBy(3)).isAfter(confirmedUntil)) {
            renew();
        }
        List<OutboxEntry> held = new ArrayList<>(batch.size());
        for (OutboxEntry e : batch) {
            if (!lost.contains(e.id())) {
                held.add(e);
            }
        }
        return held;
    }

    /** Stops renewing (a renewal running now completes). */
    void stop() {
        task.cancel(false);
    }
}
