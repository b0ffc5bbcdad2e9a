package dev.ioflow.webhook.internal;

import dev.ioflow.webhook.DestinationHealth;
import dev.ioflow.webhook.DestinationHealthPolicy;
import dev.ioflow.webhook.spi.DeliveryOutcome;
import dev.ioflow.webhook.spi.DestinationHealthStore;
import dev.ioflow.webhook.spi.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The health of the destinations, from the outcomes of their deliveries: counts failures since the last success,
 * disables a destination when the {@link DestinationHealthPolicy} says so (workers then park its changes, due at
 * {@link #PARKED_UNTIL}), and enables it again on request, resuming what waited. Only destinations that fail or are
 * disabled are held, and only their changes are written to the store, so the healthy path costs a map lookup. The
 * state is reloaded from the store every {@value #REFRESH_SECONDS} s, so that instances sharing a database store see
 * each other's disabling and enabling. A failing store is logged and the state kept in memory: health bookkeeping
 * never stops delivery.
 */
public final class DestinationHealthTracker {
    /** When a parked change is due: not before its destination is enabled again (which makes it due at once). */
    public static final Instant PARKED_UNTIL = Instant.parse("9999-12-31T00:00:00Z");
    private static final Logger LOG = LoggerFactory.getLogger(DestinationHealthTracker.class);
    private static final long REFRESH_SECONDS = 10;
    private final DestinationHealthPolicy policy;
    private final DestinationHealthStore store;
    private final Outbox outbox;
    private final CompositeListener listener;
    private final Clock clock;
    /** Destinations that fail or are disabled; guarded by this. */
    private final Map<String, DestinationHealth> states = new HashMap<>();
    private @Nullable Instant refreshedAt;

    /** A tracker applying {@code policy}, keeping its state in {@code store}. */
    public DestinationHealthTracker(DestinationHealthPolicy policy, DestinationHealthStore store, Outbox outbox,
                                    CompositeListener listener, Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.store = Objects.requireNonNull(store, "store");
        this.outbox = outbox;
        this.listener = listener;
        this.clock = clock;
    }

    /** Whether the destination's changes are parked rather than attempted. */
    public synchronized boolean isDisabled(String destinationId) {
        DestinationHealth health = states.get(destinationId);
        return health != null && !health.enabled();
    }

    /** The destination's state (healthy when nothing is known of it). */
    public synchronized DestinationHealth health(String destinationId) {
        return states.getOrDefault(destinationId, DestinationHealth.healthy(destinationId));
    }

    /** The disabled destinations, by id. */
    public synchronized List<DestinationHealth> disabled() {
        return states.values().stream().filter(h -> !h.enabled())
                .sorted((a, b) -> a.destinationId().compareTo(b.destinationId())).toList();
    }

    /**
     * Reloads the state from the store, unless it was loaded less than {@value #REFRESH_SECONDS} s ago. A destination
     * this process had disabled and another enabled since is resumed here too, for the changes this process parked
     * after the other one's resume.
     */
    public void refresh() {
        Instant now = clock.instant();
        List<String> enabledElsewhere = new ArrayList<>();
        synchronized (this) {
            if (refreshedAt != null && now.isBefore(refreshedAt.plusSeconds(REFRESH_SECONDS))) {
                return;
            }
            refreshedAt = now;
            List<DestinationHealth> loaded;
            try {
                loaded = store.loadAll();
            } catch (RuntimeException e) {
                LOG.warn("cannot read destination health from {}; keeping what this process knows: {}", store,
                        e.toString());
                return;
            }
            Map<String, DestinationHealth> fresh = new HashMap<>();
            loaded.forEach(h -> fresh.put(h.destinationId(), h));
            states.forEach((id, old) -> {
                DestinationHealth current = fresh.get(id);
                if (!old.enabled() && (current == null || current.enabled())) {
                    enabledElsewhere.add(id);
                }
            });
            states.clear();
            states.putAll(fresh);
        }
        for (String id : enabledElsewhere) {
            LOG.info("destination {} was enabled by another instance; resuming its changes here too", id);
            outbox.resume(id, now);
        }
    }

    /**
     * Applies the outcomes of one target call for the destination, in order: a success makes it healthy, a failure
     * counts. Disables it when the policy says so, telling the listener. Outcomes that arrive after the destination
     * was disabled (deliveries in flight then) change nothing.
     */
    public void record(String destinationId, List<DeliveryOutcome> outcomes, Instant at) {
        if (!policy.disables() || outcomes.isEmpty()) {
            return;
        }
        DestinationHealth disabledNow = null;
        synchronized (this) {
            DestinationHealth before = health(destinationId);
            if (!before.enabled()) {
                return;
            }
            DestinationHealth after = before;
            for (DeliveryOutcome outcome : outcomes) {
                after = outcome instanceof DeliveryOutcome.Delivered ? DestinationHealth.healthy(destinationId)
                        : DestinationHealth.of(destinationId, true,
                        after.failingSince() == null ? at : after.failingSince(), after.consecutiveFailures() + 1,
                        null, Texts.cap(outcome.detail()));
            }
            String reason = policy.reasonToDisable(after, at);
            if (reason != null) {
                after = DestinationHealth.of(destinationId, false, after.failingSince(), after.consecutiveFailures(),
                        at, after.lastError(), reason);
                disabledNow = after;
            }
            if (after.equals(before)) {
                return;
            }
            put(after);
            try {
                store.saveAll(List.of(after));
            } catch (RuntimeException e) {
                LOG.warn("cannot write the health of destination {} to {}; kept in memory: {}", destinationId, store,
                        e.toString());
            }
        }
        if (disabledNow != null) {
            LOG.warn("destination {} disabled: {}; last error: {}. Its changes wait in the outbox until "
                    + "WebhookService.enableDestination(\"{}\")", destinationId, disabledNow.reason(),
                    disabledNow.lastError(), destinationId);
            listener.destinationDisabled(disabledNow);
        }
    }

    /**
     * Enables the destination: forgets its failures (in the store too), makes its waiting changes due now and tells
     * the listener if it was disabled.
     *
     * @return how many waiting changes became due
     */
    public int enable(String destinationId) {
        Instant now = clock.instant();
        boolean wasDisabled;
        synchronized (this) {
            wasDisabled = isDisabled(destinationId);
            store.saveAll(List.of(DestinationHealth.healthy(destinationId)));
            states.remove(destinationId);
        }
        int resumed = outbox.resume(destinationId, now);
        LOG.info("destination {} enabled{}: {} waiting changes are due now", destinationId,
                wasDisabled ? "" : " (it was not disabled)", resumed);
        if (wasDisabled) {
            listener.destinationEnabled(destinationId, now);
        }
        return resumed;
    }

    private void put(DestinationHealth health) {
        if (health.healthy()) {
            states.remove(health.destinationId());
        } else {
            states.put(health.destinationId(), health);
        }
    }
}
