package dev.ioflow.webhook.internal;

import dev.ioflow.webhook.spi.Outbox;
import dev.ioflow.webhook.spi.OutboxEntry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews the leases of one pass's claimed entries every third of the lease while the pass delivers, so that a
 * delivery slower than the lease keeps its claim. The renewals run on one shared daemon thread.
 */
final class LeaseRenewal {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseRenewal.class);
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "ioflow-lease-renewal");
        thread.setDaemon(true);
        return thread;
    });

    private final ScheduledFuture<?> task;

    private LeaseRenewal(ScheduledFuture<?> task) {
        this.task = task;
    }

    /** Starts renewing the claims every {@code lease / 3}. */
    static LeaseRenewal start(Outbox outbox, List<OutboxEntry> claimed, Duration lease, Clock clock) {
        long period = Math.max(1, lease.toMillis() / 3);
        List<OutboxEntry> entries = List.copyOf(claimed);
        return new LeaseRenewal(TIMER.scheduleAtFixedRate(() -> {
            try {
                int held = outbox.renew(entries, clock.instant().plus(lease)).size();
                if (held < entries.size()) {
                    LOG.warn("{} of {} claims of a delivery pass were lost before their lease was renewed",
                            entries.size() - held, entries.size());
                }
            } catch (RuntimeException e) {
                LOG.warn("could not renew the leases of {} claimed changes: {}", entries.size(), e.toString());
            }
        }, period, period, TimeUnit.MILLISECONDS));
    }

    /** Stops renewing (a renewal running now completes). */
    void stop() {
        task.cancel(false);
    }
}
