package dev.ioflow.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ioflow.webhook.ChangeType;
import dev.ioflow.webhook.spi.DeliveryOutcome;
import dev.ioflow.webhook.spi.Delivery;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RecordingDeliveryTargetTest {

    private static Delivery change(String key) {
        return Delivery.builder().messageId("m-" + key).changeType(ChangeType.SAVED).integrationObject("ioCustomer")
                .destinationId("emarsys").integrationKey(key).payload(("{\"customerID\":\"" + key + "\"}")
                .getBytes(StandardCharsets.UTF_8)).createdAt(Instant.EPOCH).build();
    }

    @Test
    void recordsChangesAndAnswersSuccessByDefault() {
        RecordingDeliveryTarget target = RecordingDeliveryTarget.create();

        List<DeliveryOutcome> outcomes = target.deliver(List.of(change("c1")));

        assertThat(outcomes).singleElement().isInstanceOf(DeliveryOutcome.Delivered.class);
        assertThat(target.changes()).extracting(Delivery::integrationKey).containsExactly("c1");
        assertThat(target.delivered()).hasSize(1);
        assertThat(target.maxBatchSize()).isEqualTo(1);
    }

    @Test
    void answersTheScriptedFailuresFirstThenSucceedsAgain() {
        RecordingDeliveryTarget target = RecordingDeliveryTarget.withMaxBatchSize(10)
                .failNext(2, DeliveryOutcome.retryable(503, "down", null));

        List<DeliveryOutcome> outcomes = target.deliver(List.of(change("c1"), change("c2"), change("c3")));

        assertThat(outcomes).extracting(DeliveryOutcome::httpStatus).containsExactly(503, 503, 200);
        assertThat(target.delivered()).extracting(Delivery::integrationKey).containsExactly("c3");
        assertThat(target.batches()).hasSize(1);
    }

    @Test
    void answersWithTheGivenFunction() {
        RecordingDeliveryTarget target = RecordingDeliveryTarget.create()
                .answerWith(c -> c.integrationKey().equals("bad") ? DeliveryOutcome.permanent(400, "rejected")
                        : DeliveryOutcome.delivered(202, "ok"));

        assertThat(target.deliver(List.of(change("bad")))).extracting(DeliveryOutcome::httpStatus).containsExactly(400);
        assertThat(target.deliver(List.of(change("good")))).extracting(DeliveryOutcome::httpStatus).containsExactly(202);
    }

    @Test
    void awaitChangesReturnsOnceChangesArriveFromAnotherThread() {
        RecordingDeliveryTarget target = RecordingDeliveryTarget.create();

        CompletableFuture.runAsync(() -> {
            target.deliver(List.of(change("c1")));
            target.deliver(List.of(change("c2")));
        });

        assertThat(target.awaitChanges(2, Duration.ofSeconds(10))).extracting(Delivery::integrationKey)
                .containsExactly("c1", "c2");
    }

    @Test
    void awaitDeliveredFailsWithTheChangesSeenWhenTheTimeoutPasses() {
        RecordingDeliveryTarget target = RecordingDeliveryTarget.create()
                .failNext(1, DeliveryOutcome.permanent(400, "rejected"));
        target.deliver(List.of(change("c1")));

        assertThatThrownBy(() -> target.awaitDelivered(1, Duration.ofMillis(50)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected 1 delivered changes")
                .hasMessageContaining("got 0");
    }
}
