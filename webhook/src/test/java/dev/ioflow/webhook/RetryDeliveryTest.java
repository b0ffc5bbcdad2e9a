package dev.ioflow.webhook;

import dev.ioflow.webhook.spi.DeliveryOutcome;
import dev.ioflow.webhook.spi.Delivery;

import static dev.ioflow.webhook.Fixtures.CUSTOMERS;
import static dev.ioflow.webhook.Fixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetryDeliveryTest {
    private final ManualClock clock = new ManualClock();
    private final RecordingTarget target = new RecordingTarget();
    private final RetryPolicy policy = RetryPolicy.builder()
            .initialDelay(Duration.ofSeconds(10))
            .multiplier(2)
            .maxDelay(Duration.ofMinutes(1))
            .maxAttempts(4)
            .jitter(RetryPolicy.Jitter.NONE)
            .build();
    private final WebhookService service = WebhookService.builder()
            .clock(clock)
            .retryPolicy(policy)
            .webhook(WebhookConfiguration.builder(CUSTOMERS, "crm").target(target).build())
            .build();

    @AfterEach
    void close() {
        service.close();
    }

    private static DeliveryOutcome unavailable() {
        return DeliveryOutcome.retryable(503, "HTTP 503", null);
    }

    @Test
    void aRetryableFailureIsRetriedOnlyWhenTheBackoffHasPassed() {
        target.thenAnswer(unavailable());
        service.saved(customer("c1", "a@example.com"));
        service.deliverDue();

        clock.advance(Duration.ofSeconds(9));
        assertThat(service.deliverDue()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(service.deliverDue()).isEqualTo(1);

        assertThat(target.received()).extracting(Delivery::attempt).containsExactly(1, 2);
    }

    @Test
    void backoffGrowsExponentiallyUpToTheMaximum() {
        target.thenAnswer(unavailable()).thenAnswer(unavailable()).thenAnswer(unavailable());
        service.saved(customer("c1", "a@example.com"));
        service.deliverDue();

        List<Duration> waits = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Instant due = service.outbox().nextDueAt();
            waits.add(Duration.between(clock.instant(), due));
            clock.set(due);
            service.deliverDue();
        }

        assertThat(waits).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40));
        assertThat(target.received()).hasSize(4);
        assertThat(service.outbox().liveCount()).isZero();
    }

    @Test
    void theMessageIdStaysTheSameOnRedelivery() {
        target.thenAnswer(unavailable());
        service.saved(customer("c1", "a@example.com"));
        service.deliverDue();
        clock.advance(Duration.ofMinutes(1));
        service.deliverDue();

        assertThat(target.received()).extracting(Delivery::messageId).hasSize(2).containsOnly(
                target.received().get(0).messageId());
    }

    @Test
    void retryAtFromTheReceiverPostponesTheNextAttempt() {
        Instant retryAt = clock.instant().plus(Duration.ofMinutes(5));
        target.thenAnswer(DeliveryOutcome.retryable(429, "slow down", retryAt));
        service.saved(customer("c1", "a@example.com"));
        service.deliverDue();

        assertThat(service.outbox().nextDueAt()).isEqualTo(retryAt);
        clock.set(retryAt.minusSeconds(1));
        assertThat(service.deliverDue()).isZero();
        clock.set(retryAt);
        assertThat(service.deliverDue()).isEqualTo(1);
    }

    @Test
    void exhaustedRetriesEndAsADeadLetterWithTheLastError() {
        for (int i = 0; i < 4; i++) {
            target.thenAnswer(DeliveryOutcome.retryable(500, "boom " + i, null));
        }
        service.saved(customer("c1", "a@example.com"));
        for (int i = 0; i < 4; i++) {
            service.deliverDue();
            clock.advance(Duration.ofMinutes(2));
        }

        assertThat(service.outbox().liveCount()).isZero();
        assertThat(service.deadLetters(10)).singleElement().satisfies(dead -> {
            assertThat(dead.attempts()).isEqualTo(4);
            assertThat(dead.lastError()).isEqualTo("boom 3");
            assertThat(dead.integrationKey()).isEqualTo("c1");
        });
    }

    @Test
    void aNonRetryableFailureIsADeadLetterAtOnce() {
        target.thenAnswer(DeliveryOutcome.permanent(400, "HTTP 400: bad email"));
        service.saved(customer("c1", "a@example.com"));
        service.deliverDue();

        assertThat(service.deadLetters(10)).singleElement()
                .satisfies(dead -> assertThat(dead.lastError()).isEqualTo("HTTP 400: bad email"));
    }

    @Test
    void aDeadLetterNoLongerBlocksItsKey() {
        target.thenAnswer(DeliveryOutcome.permanent(400, "no"));
        service.saved(customer("c1", "a@example.com"));
        service.deliverDue();

        service.saved(customer("c1", "b@example.com"));
        assertThat(service.deliverDue()).isEqualTo(1);
        assertThat(target.payloads()).last().asString().contains("b@example.com");
    }

    @Test
    void replayedDeadLettersAreDeliveredWithTheirMessageId() {
        target.thenAnswer(DeliveryOutcome.permanent(422, "rejected"));
        service.saved(customer("c1", "a@example.com"));
        service.deliverDue();
        String messageId = target.received().get(0).messageId();

        assertThat(service.replayDeadLetters()).isEqualTo(1);
        assertThat(service.deliverDue()).isEqualTo(1);

        assertThat(target.received()).hasSize(2);
        assertThat(target.received().get(1).messageId()).isEqualTo(messageId);
        assertThat(target.received().get(1).attempt()).isEqualTo(1);
        assertThat(service.deadLetters(10)).isEmpty();
    }

    @Test
    void aSaveRevertingAReplayedDeadLetterIsStillSent() {
        service.saved(customer("c1", "old@example.com"));
        service.deliverDue();
        target.thenAnswer(DeliveryOutcome.permanent(422, "rejected"));
        service.saved(customer("c1", "new@example.com"));
        service.deliverDue();
        service.replayDeadLetters();

        assertThat(service.saved(customer("c1", "old@example.com"))).isEqualTo(1);
        while (service.deliverDue() > 0) {
            // the replayed change, then the revert
        }

        assertThat(target.payloads()).last().asString().contains("old@example.com");
    }

    @Test
    void aTargetThatThrowsCountsAsARetryableFailure() {
        WebhookService throwing = WebhookService.builder().clock(clock).retryPolicy(policy)
                .webhook(WebhookConfiguration.builder(CUSTOMERS, "crm").target(batch -> {
                    throw new IllegalStateException("target down");
                }).build())
                .build();
        throwing.saved(customer("c1", "a@example.com"));
        throwing.deliverDue();

        assertThat(throwing.monitor().query(OutboundRequestQuery.all())).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(OutboundRequestStatus.RETRY);
            assertThat(r.detail()).isEqualTo("IllegalStateException: target down");
            assertThat(r.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(10));
        });
        throwing.close();
    }

    @Test
    void everyAttemptIsMonitored() {
        target.thenAnswer(DeliveryOutcome.retryable(503, "HTTP 503: busy", null));
        service.saved(customer("c1", "a@example.com"));
        service.deliverDue();
        clock.advance(Duration.ofSeconds(10));
        service.deliverDue();

        List<OutboundRequest> records = service.monitor().query(OutboundRequestQuery.builder().integrationKey("c1").build());
        assertThat(records).extracting(OutboundRequest::status)
                .containsExactly(OutboundRequestStatus.SUCCESS, OutboundRequestStatus.RETRY);
        assertThat(records).extracting(OutboundRequest::attempt).containsExactly(2, 1);
        assertThat(records.get(1).httpStatus()).isEqualTo(503);
        assertThat(records.get(1).detail()).isEqualTo("HTTP 503: busy");
        assertThat(records.get(0).payload()).isNull();
    }
}
