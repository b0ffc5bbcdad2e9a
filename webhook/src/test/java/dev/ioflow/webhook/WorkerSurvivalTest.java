package dev.ioflow.webhook;

import static dev.ioflow.webhook.Fixtures.CUSTOMERS;
import static dev.ioflow.webhook.Fixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ioflow.webhook.spi.Delivery;
import dev.ioflow.webhook.spi.DeliveryOutcome;
import dev.ioflow.webhook.spi.DeliveryTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Issue 10 item 3: an {@link Error} in a delivery pass must not kill the worker threads silently. */
class WorkerSurvivalTest {
    private final List<String> workerFailures = Collections.synchronizedList(new ArrayList<>());
    private final WebhookEventListener listener = new WebhookEventListener() {
        @Override
        public void workerFailed(String workerName, Throwable error) {
            workerFailures.add(workerName + ": " + error.getClass().getSimpleName());
        }
    };

    /** Throws the given error on its first {@code failures} calls, then accepts everything. */
    private static final class ThrowingTarget implements DeliveryTarget {
        private final Supplier<Error> error;
        private final AtomicInteger failuresLeft;
        private final List<String> delivered = Collections.synchronizedList(new ArrayList<>());

        ThrowingTarget(int failures, Supplier<Error> error) {
            this.failuresLeft = new AtomicInteger(failures);
            this.error = error;
        }

        @Override
        public List<DeliveryOutcome> deliver(List<Delivery> batch) {
            if (failuresLeft.getAndDecrement() > 0) {
                throw error.get();
            }
            batch.forEach(d -> delivered.add(d.integrationKey()));
            return Collections.nCopies(batch.size(), DeliveryOutcome.delivered(200, "ok"));
        }
    }

    private WebhookService service(DeliveryTarget target) {
        return WebhookService.builder()
                .threads(2)
                .lease(Duration.ofMillis(300))
                .pollInterval(Duration.ofMillis(20))
                .retryPolicy(RetryPolicy.builder().initialDelay(Duration.ofMillis(10)).maxAttempts(10)
                        .jitter(RetryPolicy.Jitter.NONE).build())
                .webhook(WebhookConfiguration.builder(CUSTOMERS, "crm").target(target).build())
                .eventListener(listener)
                .build();
    }

    @Test
    void aStackOverflowInTheTargetFailsThatDeliveryAndTheWorkersGoOn() throws InterruptedException {
        ThrowingTarget target = new ThrowingTarget(2, () -> new StackOverflowError("deep recursion in target"));
        try (WebhookService service = service(target)) {
            service.start();
            service.saved(customer("c1", "a@example.com"));
            assertThat(service.awaitIdle(Duration.ofSeconds(10))).isTrue();
            service.saved(customer("c2", "b@example.com"));
            assertThat(service.awaitIdle(Duration.ofSeconds(10))).isTrue();

            assertThat(target.delivered).containsExactly("c1", "c2");
            assertThat(service.monitor().query(OutboundRequestQuery.builder()
                    .status(OutboundRequestStatus.RETRY).build()))
                    .hasSize(2)
                    .allSatisfy(r -> assertThat(r.detail()).contains("StackOverflowError"));
            assertThat(workerFailures).isEmpty();
            WebhookHealth health = service.health();
            assertThat(health.status()).isEqualTo(WebhookHealth.Status.UP);
            assertThat(health.runningWorkers()).isEqualTo(2);
        }
    }

    @Test
    void anOutOfMemoryErrorIsLoggedReportedAndTheWorkersTryAgain() throws InterruptedException {
        ThrowingTarget target = new ThrowingTarget(1, () -> new OutOfMemoryError("Java heap space (simulated)"));
        try (WebhookService service = service(target)) {
            service.start();
            service.saved(customer("c1", "a@example.com"));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (workerFailures.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            WebhookHealth failing = service.health();
            assertThat(failing.status()).isEqualTo(WebhookHealth.Status.DEGRADED);
            assertThat(failing.lastFailure()).contains("OutOfMemoryError", "Java heap space (simulated)");
            assertThat(failing.failingSince()).isNotNull();
            assertThat(failing.runningWorkers()).isEqualTo(2);
            assertThat(workerFailures).singleElement().asString()
                    .startsWith("ioflow-webhook-").endsWith("OutOfMemoryError");

            // the claim's lease runs out, a worker takes the change again and delivers it
            assertThat(service.awaitIdle(Duration.ofSeconds(10))).isTrue();
            assertThat(target.delivered).containsExactly("c1");
            service.saved(customer("c2", "b@example.com"));
            assertThat(service.awaitIdle(Duration.ofSeconds(10))).isTrue();
            deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (service.health().status() != WebhookHealth.Status.UP && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            WebhookHealth recovered = service.health();
            assertThat(recovered.status()).isEqualTo(WebhookHealth.Status.UP);
            assertThat(recovered.failingSince()).isNull();
            assertThat(recovered.lastFailure()).contains("OutOfMemoryError");
        }
    }

    @Test
    void healthSaysWhetherTheServiceWasStartedOrClosed() {
        WebhookService service = service(new ThrowingTarget(0, AssertionError::new));
        assertThat(service.health().status()).isEqualTo(WebhookHealth.Status.NOT_STARTED);
        service.start();
        service.close();
        assertThat(service.health().status()).isEqualTo(WebhookHealth.Status.STOPPED);
    }
}
