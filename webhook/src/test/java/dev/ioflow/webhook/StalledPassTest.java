package dev.ioflow.webhook;

import static dev.ioflow.webhook.Fixtures.CUSTOMERS;
import static dev.ioflow.webhook.Fixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ioflow.webhook.memory.InMemoryOutbox;
import dev.ioflow.webhook.spi.Delivery;
import dev.ioflow.webhook.spi.DeliveryOutcome;
import dev.ioflow.webhook.spi.DeliveryTarget;
import dev.ioflow.webhook.spi.OutboxEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A pass that claimed several changes and then stalled past its lease (a GC pause, a frozen container) must not
 * send the changes it had not sent yet once another instance has taken them over: the other instance may already
 * have delivered them, and the key's newer changes after them.
 */
class StalledPassTest {
    private static final Duration LEASE = Duration.ofSeconds(30);

    @Test
    void changesTakenOverWhileThePassStalledAreNotSent() {
        ManualClock clock = new ManualClock();
        InMemoryOutbox outbox = new InMemoryOutbox();
        List<String> sent = new ArrayList<>();
        List<OutboxEntry> takenOver = new ArrayList<>();
        DeliveryTarget stallingTarget = new DeliveryTarget() {
            @Override
            public List<DeliveryOutcome> deliver(List<Delivery> batch) {
                batch.forEach(d -> sent.add(d.integrationKey()));
                if (sent.size() == 1) {
                    // the process stalls past the lease; meanwhile another instance claims what ran out
                    clock.advance(LEASE.multipliedBy(2));
                    takenOver.addAll(outbox.claim(10, clock.instant(), LEASE, "other-instance"));
                }
                return Collections.nCopies(batch.size(), DeliveryOutcome.delivered(200, "ok"));
            }
        };
        try (WebhookService service = WebhookService.builder().clock(clock).outbox(outbox).lease(LEASE)
                .claimSize(2)
                .webhook(WebhookConfiguration.builder(CUSTOMERS, "crm").target(stallingTarget).build()).build()) {
            service.saved(customer("c1", "a@example.com"));
            service.saved(customer("c2", "b@example.com"));

            assertThat(service.deliverDue()).isEqualTo(2);

            assertThat(takenOver).extracting(OutboxEntry::integrationKey).containsExactly("c1", "c2");
            assertThat(sent).as("c2 belongs to the other instance now").containsExactly("c1");
            assertThat(service.backlog().liveCount()).as("the stale outcome of c1 was not applied either")
                    .isEqualTo(2);
        }
    }

    @Test
    void aPassSlowerThanALeaseThirdKeepsSendingWhatItStillHolds() {
        ManualClock clock = new ManualClock();
        InMemoryOutbox outbox = new InMemoryOutbox();
        List<String> sent = new ArrayList<>();
        DeliveryTarget slowTarget = new DeliveryTarget() {
            @Override
            public List<DeliveryOutcome> deliver(List<Delivery> batch) {
                batch.forEach(d -> sent.add(d.integrationKey()));
                clock.advance(LEASE.multipliedBy(2));
                return Collections.nCopies(batch.size(), DeliveryOutcome.delivered(200, "ok"));
            }
        };
        try (WebhookService service = WebhookService.builder().clock(clock).outbox(outbox).lease(LEASE)
                .claimSize(2)
                .webhook(WebhookConfiguration.builder(CUSTOMERS, "crm").target(slowTarget).build()).build()) {
            service.saved(customer("c1", "a@example.com"));
            service.saved(customer("c2", "b@example.com"));

            assertThat(service.deliverDue()).isEqualTo(2);

            assertThat(sent).as("nobody took the claims over: confirmed, then sent").containsExactly("c1", "c2");
            assertThat(service.backlog().liveCount()).isZero();
        }
    }
}
