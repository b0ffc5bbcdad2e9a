package dev.ioflow.webhook.internal;

import dev.ioflow.webhook.spi.DeliveryOutcome;
import dev.ioflow.webhook.spi.MarkerKey;
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
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One delivery pass: claims due entries, hands them to their webhooks' targets in batches and applies the
 * outcomes (complete + marker, reschedule with backoff, or dead letter), recording each attempt for monitoring.
 * Several threads may run passes at once; the outbox guarantees that each key is claimed by one at a time.
 *
 * <p>Leases are not renewed: the lease must be much longer than a pass takes (claim size × the target's call
 * timeout). If it is not, an entry may be delivered twice, never lost.
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

    /** A worker for these routes (by webhook id). */
    public DeliveryWorker(Outbox outbox, Map<String, Route> routes, DeltaDetector delta, RetryPolicy policy,
                          OutboundMonitor monitor, Clock clock, String owner, Duration lease, int claimSize) {
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
        List<OutboxEntry> claimed = outbox.claim(claimSize, clock.instant(), lease, owner);
        Map<String, List<OutboxEntry>> byWebhook = new LinkedHashMap<>();
        for (OutboxEntry entry : claimed) {
            byWebhook.computeIfAbsent(entry.webhookId(), id -> new ArrayList<>()).add(entry);
        }
        byWebhook.forEach((webhookId, entries) -> {
            Route route = routes.get(webhookId);
            if (route == null) {
                release(webhookId, entries);
                return;
            }
            for (int from = 0; from < entries.size(); from += route.batchSize()) {
                deliver(route, entries.subList(from, Math.min(entries.size(), from + route.batchSize())));
            }
        });
        return claimed.size();
    }

    private void deliver(Route route, List<OutboxEntry> batch) {
        List<Delivery> changes = new ArrayList<>(batch.size());
        for (OutboxEntry e : batch) {
            changes.add(Delivery.builder().messageId(e.messageId()).changeType(e.changeType())
                    .integrationObject(e.integrationObject()).destinationId(e.destinationId())
                    .integrationKey(e.integrationKey()).payload(e.payload()).attempt(e.attempts() + 1)
                    .createdAt(e.createdAt()).build());
        }
        List<DeliveryOutcome> outcomes;
        try {
            outcomes = route.target().deliver(Collections.unmodifiableList(changes));
            if (outcomes == null || outcomes.size() != batch.size()) {
                outcomes = Collections.nCopies(batch.size(), DeliveryOutcome.retryable(0, "target " + route.target()
                        + " returned " + (outcomes == null ? "null" : outcomes.size() + " outcomes") + " for "
                        + batch.size() + " changes", null));
            }
        } catch (RuntimeException e) {
            LOG.warn("webhook {}: target failed for {} changes: {}", route.id(), batch.size(), e.toString());
            outcomes = Collections.nCopies(batch.size(), DeliveryOutcome.retryable(0, Texts.describe(e), null));
        }
        for (int i = 0; i < batch.size(); i++) {
            apply(batch.get(i), outcomes.get(i));
        }
    }

    private void apply(OutboxEntry entry, DeliveryOutcome outcome) {
        Instant now = clock.instant();
        int attempt = entry.attempts() + 1;
        MarkerKey key = new MarkerKey(entry.integrationObject(), entry.destinationId(), entry.integrationKey());
        String detail = Texts.cap(outcome.detail());
        if (outcome instanceof DeliveryOutcome.Delivered) {
            // the marker first: a save of the same payload in between then finds it, not an empty outbox and an old marker
            delta.delivered(key, entry.changeType(), entry.payloadHash());
            outbox.complete(entry.id());
            LOG.debug("delivered {} (attempt {})", entry, attempt);
            record(entry, OutboundRequestStatus.SUCCESS, attempt, now, null, outcome.httpStatus(), detail);
            return;
        }
        DeliveryOutcome.Failed failed = (DeliveryOutcome.Failed) outcome;
        Instant next = failed.retryable()
                ? policy.nextAttemptAt(attempt, entry.createdAt(), now, failed.retryAt()) : null;
        if (next != null) {
            outbox.reschedule(entry.id(), attempt, next, detail);
            LOG.warn("delivery of {} failed (attempt {}), retrying at {}: {}", entry, attempt, next, detail);
            record(entry, OutboundRequestStatus.RETRY, attempt, now, next, failed.httpStatus(), detail);
        } else {
            outbox.deadLetter(entry.id(), attempt, detail);
            LOG.warn("delivery of {} failed (attempt {}, {}), now a dead letter: {}", entry, attempt,
                    failed.retryable() ? "retries exhausted" : "not retryable", detail);
            record(entry, OutboundRequestStatus.ERROR, attempt, now, null, failed.httpStatus(), detail);
        }
    }

    private void record(OutboxEntry e, OutboundRequestStatus status, int attempt, Instant now, Instant next,
                        int httpStatus, String detail) {
        monitor.record(OutboundRequest.builder().messageId(e.messageId()).status(status).webhookId(e.webhookId())
                .integrationObject(e.integrationObject()).integrationKey(e.integrationKey())
                .destinationId(e.destinationId()).changeType(e.changeType()).attempt(attempt)
                .createdAt(e.createdAt()).attemptedAt(now).nextAttemptAt(next).httpStatus(httpStatus).detail(detail)
                .payload(monitor.keepsPayloads() ? e.payload() : null).build());
    }

    /** Entries of a webhook this process does not know (another instance's, or a removed one): leave them be. */
    private void release(String webhookId, List<OutboxEntry> entries) {
        Instant later = clock.instant().plus(lease);
        LOG.warn("{} claimed changes belong to webhook '{}', which this service does not have; retrying them at {}",
                entries.size(), webhookId, later);
        for (OutboxEntry e : entries) {
            outbox.reschedule(e.id(), e.attempts(), later, "no webhook configuration '" + webhookId + "' here");
        }
    }
}
