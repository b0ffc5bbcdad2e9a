package dev.ioflow.webhook;

import static dev.ioflow.webhook.Fixtures.CUSTOMERS;
import static dev.ioflow.webhook.Fixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ioflow.core.IoflowException;
import dev.ioflow.webhook.memory.InMemoryOutbox;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Issue 10 item 4: the in-memory outbox is bounded, with backpressure. */
class BoundedOutboxTest {
    private final RecordingTarget target = new RecordingTarget();

    private WebhookService service(InMemoryOutbox outbox) {
        return WebhookService.builder().outbox(outbox)
                .webhook(WebhookConfiguration.builder(CUSTOMERS, "crm").target(target).build()).build();
    }

    @Test
    void aFullOutboxRefusesAfterTheTimeoutAndQueuesNothing() {
        InMemoryOutbox outbox = InMemoryOutbox.bounded(2, Duration.ofMillis(50));
        try (WebhookService service = service(outbox)) {
            service.saved(customer("c1", "a@example.com"));
            service.saved(customer("c2", "b@example.com"));

            assertThatThrownBy(() -> service.saved(customer("c3", "c@example.com")))
                    .isInstanceOf(OutboxFullException.class)
                    .isInstanceOf(IoflowException.class)
                    .hasMessageContaining("capacity of 2 live changes")
                    .hasMessageContaining("nothing was queued");
            assertThat(outbox.liveCount()).isEqualTo(2);
        }
    }

    @Test
    void aBlockedSaveProceedsOnceADeliveryMakesRoom() throws Exception {
        InMemoryOutbox outbox = InMemoryOutbox.bounded(1, Duration.ofSeconds(10));
        try (WebhookService service = service(outbox)) {
            service.saved(customer("c1", "a@example.com"));
            CompletableFuture<Integer> blocked = CompletableFuture.supplyAsync(
                    () -> service.saved(customer("c2", "b@example.com")));
            Thread.sleep(100);
            assertThat(blocked).isNotDone();

            assertThat(service.deliverDue()).isEqualTo(1);

            assertThat(blocked.get(5, TimeUnit.SECONDS)).isEqualTo(1);
            service.deliverDue();
            assertThat(target.received()).extracting(d -> d.integrationKey()).containsExactly("c1", "c2");
        }
    }

    @Test
    void theDefaultBoundIsAHundredThousandAndBadBoundsAreRejected() {
        assertThat(new InMemoryOutbox().capacity()).isEqualTo(100_000);
        assertThatThrownBy(() -> InMemoryOutbox.bounded(0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1, got 0");
        assertThatThrownBy(() -> InMemoryOutbox.bounded(5, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be negative");
    }
}
