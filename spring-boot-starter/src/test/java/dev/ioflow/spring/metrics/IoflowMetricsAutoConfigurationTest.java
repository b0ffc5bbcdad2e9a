package dev.ioflow.spring.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioflow.spring.Customer;
import dev.ioflow.spring.IoflowAutoConfiguration;
import dev.ioflow.webhook.WebhookService;
import dev.ioflow.webhook.spi.Delivery;
import dev.ioflow.webhook.spi.DeliveryOutcome;
import dev.ioflow.webhook.spi.DeliveryTarget;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class IoflowMetricsAutoConfigurationTest {
    /** Rejects the first change of each key permanently, accepts the rest. */
    private final DeliveryTarget target = new DeliveryTarget() {
        private final AtomicInteger calls = new AtomicInteger();

        @Override
        public List<DeliveryOutcome> deliver(List<Delivery> batch) {
            return batch.stream().map(d -> calls.getAndIncrement() == 0
                    ? DeliveryOutcome.permanent(400, "no")
                    : DeliveryOutcome.delivered(200, "ok")).toList();
        }
    };
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(IoflowAutoConfiguration.class,
                    IoflowMetricsAutoConfiguration.class))
            .withBean("crmTarget", DeliveryTarget.class, () -> target)
            .withPropertyValues("ioflow.types=dev.ioflow.spring.Customer",
                    "ioflow.definitions=classpath:ioflow/*.impex",
                    "ioflow.webhooks.customers.integration-object=ioCustomer",
                    "ioflow.webhooks.customers.destination=crm",
                    "ioflow.webhooks.customers.target=crmTarget",
                    "ioflow.threads=1", "ioflow.poll-interval=50ms");

    @Test
    void deliveriesAreCountedByOutcomeWithBoundedTagsAndTheBacklogIsGauged() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            MeterRegistry registry = new SimpleMeterRegistry();
            context.getBean(IoflowMetrics.class).bindTo(registry);
            context.getBean(IoflowBacklogMetrics.class).bindTo(registry);
            WebhookService webhooks = context.getBean(WebhookService.class);

            webhooks.saved(new Customer("c1", "ada@example.com"));
            await(() -> webhooks.deadLetters(10).size() == 1);
            webhooks.saved(new Customer("c2", "bob@example.com"));
            await(() -> registry.find("ioflow.deliveries").tag("outcome", "delivered").counter() != null);

            assertThat(registry.get("ioflow.changes.queued").tag("integration.object", "ioCustomer")
                    .tag("destination", "crm").tag("webhook", "customers").counter().count()).isEqualTo(2.0);
            assertThat(registry.get("ioflow.deliveries").tag("outcome", "dead_letter").counter().count())
                    .isEqualTo(1.0);
            assertThat(registry.get("ioflow.deliveries").tag("outcome", "delivered").counter().count())
                    .isEqualTo(1.0);
            assertThat(registry.get("ioflow.delivery.latency").timer().count()).isEqualTo(1);
            assertThat(registry.get("ioflow.delivery.attempts").tag("outcome", "dead_letter").summary()
                    .totalAmount()).isEqualTo(1.0);
            assertThat(registry.get("ioflow.dead.letters").gauge().value()).isEqualTo(1.0);
            assertThat(registry.get("ioflow.outbox.backlog").gauge().value()).isEqualTo(0.0);
            assertThat(registry.get("ioflow.outbox.oldest.age").gauge().value()).isEqualTo(0.0);
            for (Meter meter : registry.getMeters()) {
                assertThat(meter.getId().getTags()).as(meter.getId().getName())
                        .noneMatch(tag -> tag.getValue().contains("c1") || tag.getValue().contains("c2"));
            }
        });
    }

    @Test
    void metricsCanBeSwitchedOff() {
        runner.withPropertyValues("ioflow.metrics.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(IoflowMetrics.class);
            assertThat(context).doesNotHaveBean(IoflowBacklogMetrics.class);
        });
    }

    @Test
    void withoutAWebhookServiceOnlyTheListenerExists() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(IoflowAutoConfiguration.class,
                        IoflowMetricsAutoConfiguration.class))
                .run(context -> {
                    assertThat(context).hasSingleBean(IoflowMetrics.class);
                    assertThat(context).doesNotHaveBean(IoflowBacklogMetrics.class);
                });
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
