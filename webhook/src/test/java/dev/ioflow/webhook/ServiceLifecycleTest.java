package dev.ioflow.webhook;

import dev.ioflow.webhook.memory.InMemoryOutbox;
import dev.ioflow.webhook.spi.DeliveryOutcome;
import dev.ioflow.webhook.spi.DeliveryTarget;
import dev.ioflow.webhook.spi.MarkerKey;
import dev.ioflow.webhook.spi.Delivery;

import static dev.ioflow.webhook.Fixtures.CUSTOMERS;
import static dev.ioflow.webhook.Fixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ServiceLifecycleTest {
    private final RecordingTarget target = new RecordingTarget();

    private WebhookService.Builder builder(DeliveryTarget deliveryTarget) {
        return WebhookService.builder()
                .pollInterval(Duration.ofMillis(50))
                .webhook(WebhookConfiguration.builder(CUSTOMERS, "crm").target(deliveryTarget).build());
    }

    @Test
    void startedWorkersDeliverInTheBackground() throws Exception {
        try (WebhookService service = builder(target).build()) {
            service.start();
            service.saved(List.of(customer("c1", "a"), customer("c2", "b")));

            assertThat(service.awaitIdle(Duration.ofSeconds(10))).isTrue();
            assertThat(target.received()).extracting(Delivery::integrationKey).containsExactlyInAnyOrder("c1", "c2");
        }
    }

    @Test
    void awaitIdleReturnsFalseWhenWorkIsLeft() throws Exception {
        try (WebhookService service = builder(target).build()) {
            service.saved(customer("c1", "a"));

            assertThat(service.awaitIdle(Duration.ofMillis(50))).isFalse();
        }
    }

    @Test
    void startingTwiceIsRefused() {
        try (WebhookService service = builder(target).build()) {
            service.start();

            assertThatThrownBy(service::start).isInstanceOf(IllegalStateException.class)
                    .hasMessage("delivery workers were already started");
        }
    }

    @Test
    void closeLetsAnInFlightDeliveryFinish() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        DeliveryTarget slow = batch -> {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of(DeliveryOutcome.delivered(200, "ok"));
        };
        WebhookService service = builder(slow).build();
        service.start();
        service.saved(customer("c1", "a"));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        Thread closer = new Thread(service::close);
        closer.start();
        release.countDown();
        closer.join(10_000);

        assertThat(closer.isAlive()).isFalse();
        assertThat(service.outbox().liveCount()).isZero();
        assertThat(service.markers().get(new MarkerKey("ioCustomer", "crm", "c1"))).isNotNull();
    }

    @Test
    void closeLeavesUndeliverableChangesInTheOutbox() {
        InMemoryOutbox outbox = new InMemoryOutbox();
        DeliveryTarget failing = batch -> List.of(DeliveryOutcome.retryable(503, "down", null));
        WebhookService service = builder(failing).outbox(outbox).drainTimeout(Duration.ofSeconds(5)).build();
        service.start();
        service.saved(customer("c1", "a"));

        service.close();

        assertThat(outbox.liveCount()).isEqualTo(1);
    }

    @Test
    void scheduledSyncRunsRepeatedly() throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        CountDownLatch runs = new CountDownLatch(3);
        try (WebhookService service = builder(target).build()) {
            ScheduledFuture<?> schedule = service.scheduleSync(() -> {
                runs.countDown();
                return Stream.of(customer("c1", "a"));
            }, Duration.ofMillis(10), scheduler);

            assertThat(runs.await(10, TimeUnit.SECONDS)).isTrue();
            schedule.cancel(false);
            assertThat(service.outbox().liveCount()).isEqualTo(1);
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void aFailingScheduledSyncDoesNotStopTheSchedule() throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        CountDownLatch runs = new CountDownLatch(2);
        try (WebhookService service = builder(target).build()) {
            service.scheduleSync(() -> {
                runs.countDown();
                throw new IllegalStateException("source down");
            }, Duration.ofMillis(10), scheduler);

            assertThat(runs.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            scheduler.shutdownNow();
        }
    }
}
