package dev.ioflow.webhook;

import static dev.ioflow.webhook.Fixtures.CUSTOMERS;
import static dev.ioflow.webhook.Fixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ioflow.webhook.spi.Delivery;
import dev.ioflow.webhook.spi.DeliveryOutcome;
import dev.ioflow.webhook.spi.DeliveryTarget;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Delta detection compares a save with the change of its key that is queued or in flight, not only with the marker
 * of the last delivery: saving the same state twice in quick succession sends it once.
 */
class UnchangedWhileOnItsWayTest {
    private final List<String> received = new ArrayList<>();
    private Consumer<Delivery> duringDelivery = d -> { };
    private final DeliveryTarget target = batch -> {
        List<DeliveryOutcome> outcomes = new ArrayList<>();
        for (Delivery d : batch) {
            duringDelivery.accept(d);
            received.add(new String(d.payload(), StandardCharsets.UTF_8));
            outcomes.add(DeliveryOutcome.delivered(200, "ok"));
        }
        return outcomes;
    };
    private final WebhookService service = WebhookService.builder()
            .webhook(WebhookConfiguration.builder(CUSTOMERS, "crm").target(target).build())
            .build();

    @AfterEach
    void close() {
        service.close();
    }

    @Test
    void theSameSaveWhileTheFirstCopyIsInFlightSendsNothing() {
        List<Integer> secondSave = new ArrayList<>();
        duringDelivery = d -> secondSave.add(service.saved(customer("c1", "a@example.com")));
        assertThat(service.saved(customer("c1", "a@example.com"))).isEqualTo(1);

        assertThat(service.deliverDue()).isEqualTo(1);
        duringDelivery = d -> { };
        assertThat(service.deliverDue()).isZero();

        assertThat(secondSave).as("the save made while the first copy was in flight").containsExactly(0);
        assertThat(received).hasSize(1);
    }

    @Test
    void theSameSaveWhileTheFirstCopyIsPendingSendsNothing() {
        assertThat(service.saved(customer("c1", "a@example.com"))).isEqualTo(1);
        assertThat(service.saved(customer("c1", "a@example.com"))).isZero();

        assertThat(service.deliverDue()).isEqualTo(1);
        assertThat(received).hasSize(1);
    }

    @Test
    void aDifferentSaveWhileOneIsInFlightIsSentAfterIt() {
        List<Integer> secondSave = new ArrayList<>();
        duringDelivery = d -> {
            if (secondSave.isEmpty()) {
                secondSave.add(service.saved(customer("c1", "b@example.com")));
            }
        };
        service.saved(customer("c1", "a@example.com"));

        service.deliverDue();
        service.deliverDue();

        assertThat(secondSave).containsExactly(1);
        assertThat(received).hasSize(2);
        assertThat(received.get(1)).contains("b@example.com");
    }

    @Test
    void aRevertToTheDeliveredStateWhileAnotherIsQueuedIsSent() {
        service.saved(customer("c1", "a@example.com"));
        service.deliverDue();
        service.saved(customer("c1", "b@example.com"));

        assertThat(service.saved(customer("c1", "a@example.com"))).isEqualTo(1);
        service.deliverDue();

        assertThat(received).last().asString().contains("a@example.com");
    }
}
