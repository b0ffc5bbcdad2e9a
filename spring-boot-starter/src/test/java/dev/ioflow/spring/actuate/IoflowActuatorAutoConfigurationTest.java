package dev.ioflow.spring.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioflow.spring.Customer;
import dev.ioflow.spring.IoflowAutoConfiguration;
import dev.ioflow.webhook.WebhookService;
import dev.ioflow.webhook.spi.Delivery;
import dev.ioflow.webhook.spi.DeliveryOutcome;
import dev.ioflow.webhook.spi.DeliveryTarget;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class IoflowActuatorAutoConfigurationTest {
    private final SwitchableTarget target = new SwitchableTarget();
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(IoflowAutoConfiguration.class,
                    IoflowActuatorAutoConfiguration.class))
            .withBean("crmTarget", SwitchableTarget.class, () -> target)
            .withPropertyValues("ioflow.types=dev.ioflow.spring.Customer",
                    "ioflow.definitions=classpath:ioflow/*.impex",
                    "ioflow.webhooks.customers.integration-object=ioCustomer",
                    "ioflow.webhooks.customers.destination=crm",
                    "ioflow.webhooks.customers.target=crmTarget",
                    "ioflow.destinations.crm.url=https://crm.example.com",
                    "ioflow.poll-interval=50ms");

    @Test
    void withoutAWebhookServiceThereIsNoIndicatorNorEndpoint() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(IoflowAutoConfiguration.class,
                        IoflowActuatorAutoConfiguration.class))
                .withPropertyValues("management.endpoints.web.exposure.include=ioflow")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(IoflowHealthIndicator.class);
                    assertThat(context).doesNotHaveBean(IoflowEndpoint.class);
                });
    }

    @Test
    void theHealthIndicatorReportsBacklogDeadLettersAndDestinations() {
        runner.withPropertyValues("ioflow.destinations.old.url=https://old.example.com",
                        "ioflow.destinations.old.active=false")
                .run(context -> {
                    Health health = context.getBean(IoflowHealthIndicator.class).health(true);
                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    assertThat(health.getDetails()).containsEntry("backlog", 0L).containsEntry("deadLetters", 0)
                            .containsEntry("destinations", Map.of("crm", "active", "old", "inactive"));
                });
    }

    @Test
    void theHealthIndicatorCanBeSwitchedOff() {
        runner.withPropertyValues("management.health.ioflow.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(IoflowHealthIndicator.class));
    }

    @Test
    void aFailingDestinationTurnsHealthDownAndTheEndpointListsAndReplaysItsDeadLetters() {
        target.failing = true;
        runner.withPropertyValues("ioflow.health.max-dead-letters=0",
                        "management.endpoints.web.exposure.include=ioflow")
                .run(context -> {
                    WebhookService webhooks = context.getBean(WebhookService.class);
                    webhooks.saved(new Customer("c1", "ada@example.com"));
                    IoflowHealthIndicator indicator = context.getBean(IoflowHealthIndicator.class);
                    awaitDeadLetters(webhooks);
                    Health health = indicator.health(true);
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails()).containsEntry("deadLetters", 1);

                    IoflowEndpoint endpoint = context.getBean(IoflowEndpoint.class);
                    @SuppressWarnings("unchecked")
                    List<Map<String, Object>> listed = (List<Map<String, Object>>) endpoint.deadLetters()
                            .get("deadLetters");
                    assertThat(listed).singleElement().satisfies(d -> {
                        assertThat(d).containsEntry("integrationObject", "ioCustomer")
                                .containsEntry("destination", "crm").containsEntry("changeType", "SAVED")
                                .containsKey("lastError").doesNotContainKey("payload");
                    });

                    target.failing = false;
                    long id = ((Number) listed.get(0).get("id")).longValue();
                    assertThat(endpoint.replay(id)).containsEntry("replayed", 1);
                    Delivery delivered = target.delivered.poll(10, TimeUnit.SECONDS);
                    assertThat(delivered).isNotNull();
                    assertThat(delivered.integrationKey()).contains("c1");
                    assertThat(webhooks.deadLetters(10)).isEmpty();
                    assertThat(indicator.health(true).getStatus()).isEqualTo(Status.UP);
                    assertThat(endpoint.replayAll()).containsEntry("replayed", 0);
                });
    }

    @Test
    void theEndpointNeedsExposure() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(IoflowHealthIndicator.class);
            assertThat(context).doesNotHaveBean(IoflowEndpoint.class);
        });
    }

    private static void awaitDeadLetters(WebhookService webhooks) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (webhooks.deadLetters(10).isEmpty()) {
            assertThat(System.nanoTime()).as("a dead letter within 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** Fails permanently while {@link #failing}, then delivers. */
    static final class SwitchableTarget implements DeliveryTarget {
        volatile boolean failing;
        final BlockingQueue<Delivery> delivered = new LinkedBlockingQueue<>();

        @Override
        public List<DeliveryOutcome> deliver(List<Delivery> batch) {
            if (failing) {
                return batch.stream().map(d -> DeliveryOutcome.permanent(400, "rejected by the test")).toList();
            }
            delivered.addAll(batch);
            return batch.stream().map(d -> DeliveryOutcome.delivered(200, "ok")).toList();
        }
    }
}
