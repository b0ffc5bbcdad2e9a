package dev.ioflow.webhook.internal;

import dev.ioflow.webhook.spi.DeliveryOutcome;
import dev.ioflow.webhook.spi.Delivery;
import dev.ioflow.webhook.OutboundMonitor;
import dev.ioflow.webhook.OutboundRequest;
import dev.ioflow.webhook.OutboundRequestStatus;
import dev.ioflow.webhook.spi.Outbox;
import dev.ioflow.webhook.spi.OutboxEntry;
import dev.ioflow.webhook.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import dev.ioflow.webhook.ChangeInfo;
import dev.ioflow.webhook.DeliveryAttempt;
import dev.ioflow.webhook.spi.DeliveryInterceptor;
import dev.ioflow.webhook.spi.Settlement;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One delivery pass: claims due entries, hands them to their webhooks' targets in batches and applies the
 * outcomes (complete + marker, reschedule with backoff, or dead letter), recording each attempt for monitoring
 * (all of a pass together: one monitoring transaction with a JDBC store).
 * Several threads may run passes at once; the outbox guarantees that each key is claimed by one at a time.
 *
 * <p>A pass costs a fixed number of outbox transactions, whatever its size: with a JDBC outbox and marker store in
 * one database, two (the claim; the settlements together with the markers of the deliveries). While the pass
 * delivers, its leases are renewed every third of the lease, so a short lease (quick recovery of a dead process's
 * claims) does not cause duplicate deliveries of slow ones. When the process stalled past its lease, the claims are
 * confirmed before the next send, and entries another worker took meanwhile are not sent; a delivery whose claim
 * was lost while it ran changes nothing: no marker, no settlement, a WARN.
 */
public final class DeliveryWorker {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);
    private final Outbox outbox;
    private final Map<String, Route> routes;
    private final DeltaDetector delta;
    private final RetryPolicy policy;
    private final OutboundMonitor monitor;
    private final Clock clock;
    private final String owner;
    private final Duration lease;
    private final int claimSize;
    private final CompositeListener listener;
    private final DestinationHealthTracker health;
    private final List<DeliveryInterceptor> interceptors;

    /**
     * A worker for these routes (by webhook id), reporting to {@code listener} and to {@code health}, which also
     * says whose changes to park, calling each target through the {@code interceptors} (the first outermost).
     */
    public DeliveryWorker(Outbox outbox, Map<String, Route> routes, DeltaDetector delta, RetryPolicy policy,
                          OutboundMonitor monitor, Clock clock, String owner, Duration lease, int claimSize,
                          CompositeListener listener, DestinationHealthTracker health,
                          List<DeliveryInterceptor> interceptors) {
        this.interceptors = List.copyOf(interceptors);
        this.listener = listener;
        this.health = health;
        this.outbox = outbox;
        this.routes = Map.copyOf(routes);
        this.delta = delta;
        this.policy = policy;
        this.monitor = monitor;
        this.clock = clock;
        this.owner = owner;
        this.lease = lease;
        this.claimSize = claimSize;
    }

    /** Delivers what is due now; returns how many entries were claimed (0: nothing was due). */
    public int deliverDue() {
        health.refresh();
        Instant claimedAt = clock.instant();
        List<OutboxEntry> claimed = outbox.claim(claimSize, claimedAt, lease, owner);
        if (claimed.isEmpty()) {
            return 0;
        }
        Map<String, List<OutboxEntry>> byWebhook = new LinkedHashMap<>();
        for (OutboxEntry entry : claimed) {
            byWebhook.computeIfAbsent(entry.webhookId(), id -> new ArrayList<>()).add(entry);
        }
        List<Result> results = new ArrayList<>(claimed.size());
        Set<String> parked = new HashSet<>();
        LeaseRenewal renewal = LeaseRenewal.start(outbox, claimed, lease, clock, claimedAt);
        try {
            byWebhook.forEach((webhookId, entries) -> {
                Route route = routes.get(webhookId);
                if (route == null) {
                    release(webhookId, entries, results);
                    return;
                }
                for (int from = 0; from < entries.size(); from += route.batchSize()) {
                    List<OutboxEntry> batch = entries.subList(from, Math.min(entries.size(), from + route.batchSize()));
                    if (health.isDisabled(route.config().destinationId())) {
                        park(route, batch, results);
                        parked.add(route.config().destinationId());
                    } else {
                        deliverHeld(route, batch, renewal, results);
                    }
                }
            });
        } finally {
            renewal.stop();
        }
        applyAll(results);
        for (String destinationId : parked) {
            if (!health.isDisabled(destinationId)) {
                // enabled while this pass parked its changes: they must not wait for an enabling that happened
                outbox.resume(destinationId, clock.instant());
            }
        }
        return claimed.size();
    }

    /** Changes for a disabled destination: not attempted, not counted, due when it is enabled again. */
    private void park(Route route, List<OutboxEntry> batch, List<Result> results) {
        String destinationId = route.config().destinationId();
        LOG.debug("{} changes for disabled destination {} parked", batch.size(), destinationId);
        Instant now = clock.instant();
        for (OutboxEntry e : batch) {
            results.add(new Result(Settlement.rescheduled(e, e.attempts(), DestinationHealthTracker.PARKED_UNTIL,
                    "parked: destination '" + destinationId + "' is disabled"), null, now, null, 0, null,
                    Duration.ZERO));
        }
    }

    /**
     * Delivers the batch's entries whose claims still hold. The others were taken over by another worker after
     * this process stalled past the lease: sending them could overwrite a newer change, so they are left alone
     * (no attempt, no settlement), and the new owner delivers them.
     */
    private void deliverHeld(Route route, List<OutboxEntry> batch, LeaseRenewal renewal, List<Result> results) {
        List<OutboxEntry> held = renewal.held(batch);
        if (held.size() < batch.size()) {
            LOG.warn("webhook {}: {} of {} claimed changes not sent: their claims ran out while this process was "
                    + "stalled, another worker delivers them", route.id(), batch.size() - held.size(), batch.size());
        }
        if (!held.isEmpty()) {
            deliver(route, held, results);
        }
    }

    private void deliver(Route route, List<OutboxEntry> batch, List<Result> results) {
        List<Delivery> changes = new ArrayList<>(batch.size());
        for (OutboxEntry e : batch) {
            changes.add(Delivery.builder().messageId(e.messageId()).changeType(e.changeType())
                    .integrationObject(e.integrationObject()).destinationId(e.destinationId())
                    .integrationKey(e.integrationKey()).payload(e.payload()).attempt(e.attempts() + 1)
                    .createdAt(e.createdAt()).source(e.source()).headers(e.context()).build());
        }
        for (int i = 0; i < batch.size(); i++) {
            listener.deliveryStarted(ChangeInfo.of(batch.get(i)), changes.get(i).attempt());
        }
        List<DeliveryOutcome> outcomes;
        long started = System.nanoTime();
        try {
            outcomes = InterceptorChain.call(interceptors, route, Collections.unmodifiableList(changes));
            if (outcomes == null || outcomes.size() != batch.size()) {
                outcomes = Collections.nCopies(batch.size(), DeliveryOutcome.retryable(0, "target " + route.target()
                        + " returned " + (outcomes == null ? "null" : outcomes.size() + " outcomes") + " for "
                        + batch.size() + " changes", null));
            }
        } catch (Exception | StackOverflowError | LinkageError | AssertionError e) {
            // what a target throws fails its batch (retried), not the worker; OutOfMemoryError goes to the pool
            LOG.warn("webhook {}: target failed for {} changes: {}", route.id(), batch.size(), e.toString());
            outcomes = Collections.nCopies(batch.size(), DeliveryOutcome.retryable(0, Texts.describe(e), null));
        }
        Duration call = Duration.ofNanos(System.nanoTime() - started);
        Instant now = clock.instant();
        health.record(route.config().destinationId(), outcomes, now);
        for (int i = 0; i < batch.size(); i++) {
            results.add(settlement(batch.get(i), outcomes.get(i), now, call));
        }
    }

    /** What one outcome makes of its entry. */
    private Result settlement(OutboxEntry entry, DeliveryOutcome outcome, Instant now, Duration call) {
        int attempt = entry.attempts() + 1;
        String detail = Texts.cap(outcome.detail());
        if (outcome instanceof DeliveryOutcome.Delivered) {
            return new Result(Settlement.completed(entry), OutboundRequestStatus.SUCCESS, now, null,
                    outcome.httpStatus(), detail, call);
        }
        DeliveryOutcome.Failed failed = (DeliveryOutcome.Failed) outcome;
        Instant next = failed.retryable()
                ? policy.nextAttemptAt(attempt, entry.createdAt(), now, failed.retryAt()) : null;
        if (next != null) {
            return new Result(Settlement.rescheduled(entry, attempt, next, detail), OutboundRequestStatus.RETRY, now,
                    next, failed.httpStatus(), detail, call);
        }
        return new Result(Settlement.deadLettered(entry, attempt, detail == null ? "failed" : detail),
                OutboundRequestStatus.ERROR, now, null, failed.httpStatus(), detail, call);
    }

    /**
     * Applies a pass's results: settles them and moves the markers of the deliveries, in one outbox call (one
     * transaction with a JDBC outbox and marker store in one database). An outcome whose claim no longer holds
     * (the process stalled past its lease and another worker took the entry) changes nothing and is logged.
     */
    private void applyAll(List<Result> results) {
        List<Settlement> settlements = new ArrayList<>(results.size());
        results.forEach(r -> settlements.add(r.settlement));
        Set<Long> refused = new HashSet<>();
        for (Settlement stale : delta.settle(settlements, clock.instant().plus(lease))) {
            refused.add(stale.entry().id());
            LOG.warn("refused to apply {} of {}: its claim no longer holds (the lease ran out and another worker "
                    + "may own the entry now)", stale.kind(), stale.entry());
        }
        List<OutboundRequest> attempts = new ArrayList<>(results.size());
        for (Result r : results) {
            OutboxEntry e = r.settlement.entry();
            if (!refused.contains(e.id())) {
                log(r);
                notify(r);
            }
            if (r.status != null) {
                attempts.add(attempt(e, r));
            }
        }
        // one monitoring transaction per pass with a JDBC store, not one per attempt
        monitor.recordAll(attempts);
    }

    private static void log(Result r) {
        if (r.status == null) {
            return; // not an attempt (released or parked): logged where it was decided
        }
        OutboxEntry e = r.settlement.entry();
        int attempt = r.settlement.attempts();
        switch (r.settlement.kind()) {
            case COMPLETED -> LOG.debug("delivered {} (attempt {})", e, attempt);
            case RESCHEDULED -> LOG.warn("delivery of {} failed (attempt {}), retrying at {}: {}", e, attempt,
                    r.next, r.detail);
            case DEAD_LETTERED -> LOG.warn("delivery of {} failed (attempt {}), now a dead letter: {}", e, attempt,
                    r.detail);
        }
    }

    private void notify(Result r) {
        if (r.status == null) {
            return;
        }
        OutboxEntry e = r.settlement.entry();
        DeliveryAttempt attempt = DeliveryAttempt.of(Math.max(1, r.settlement.attempts()), r.httpStatus, r.call,
                Duration.between(e.createdAt(), r.at), r.detail, r.next);
        ChangeInfo change = ChangeInfo.of(e);
        switch (r.settlement.kind()) {
            case COMPLETED -> listener.delivered(change, attempt);
            case RESCHEDULED -> listener.deliveryFailed(change, attempt);
            case DEAD_LETTERED -> listener.deadLettered(change, attempt);
        }
    }

    private OutboundRequest attempt(OutboxEntry e, Result r) {
        return OutboundRequest.builder().messageId(e.messageId()).status(r.status).webhookId(e.webhookId())
                .integrationObject(e.integrationObject()).integrationKey(e.integrationKey())
                .destinationId(e.destinationId()).changeType(e.changeType()).source(e.source())
                .attempt(r.settlement.attempts())
                .createdAt(e.createdAt()).attemptedAt(r.at).nextAttemptAt(r.next).httpStatus(r.httpStatus)
                .detail(r.detail).payload(monitor.keepsPayloads() ? e.payload() : null).build();
    }

    /** Entries of a webhook this process does not know (another instance's, or a removed one): leave them be. */
    private void release(String webhookId, List<OutboxEntry> entries, List<Result> results) {
        Instant later = clock.instant().plus(lease);
        LOG.warn("{} claimed changes belong to webhook '{}', which this service does not have; retrying them at {}",
                entries.size(), webhookId, later);
        for (OutboxEntry e : entries) {
            results.add(new Result(Settlement.rescheduled(e, e.attempts(), later,
                    "no webhook configuration '" + webhookId + "' here"), null, later, later, 0, null,
                    Duration.ZERO));
        }
    }

    /** A delivery's settlement and what to record about it (status null: nothing to record). */
    private record Result(Settlement settlement, @Nullable OutboundRequestStatus status, Instant at,
                          @Nullable Instant next, int httpStatus, @Nullable String detail, Duration call) {
    }
}
