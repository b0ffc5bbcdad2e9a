package dev.ioflow.webhook;

import static dev.ioflow.webhook.Fixtures.CUSTOMERS;
import static dev.ioflow.webhook.Fixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ioflow.webhook.spi.DeliveryOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookEventListenerTest {
    private final ManualClock clock = new ManualClock();
    private final RecordingTarget target = new RecordingTarget();
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final List<DeliveryAttempt> attempts = Collections.synchronizedList(new ArrayList<>());
    private WebhookService service;

    private final WebhookEventListener recording = new WebhookEventListener() {
        @Override
        public void changeQueued(ChangeInfo change) {
            events.add("queued " + change.changeType() + " " + change.integrationKey() + " " + change.destinationId());
        }

        @Override
        public void deliveryStarted(ChangeInfo change, int attempt) {
            events.add("started " + change.integrationKey() + " #" + attempt);
        }

        @Override
        public void delivered(ChangeInfo change, DeliveryAttempt attempt) {
            attempts.add(attempt);
            events.add("delivered " + change.integrationKey() + " #" + attempt.attempt() + " " + attempt.httpStatus());
        }

        @Override
        public void deliveryFailed(ChangeInfo change, DeliveryAttempt attempt) {
            attempts.add(attempt);
            events.add("failed " + change.integrationKey() + " #" + attempt.attempt() + " next "
                    + attempt.nextAttemptAt());
        }

        @Override
        public void deadLettered(ChangeInfo change, DeliveryAttempt attempt) {
            events.add("dead " + change.integrationKey() + " #" + attempt.attempt() + " " + attempt.detail());
        }
    };

    private WebhookService service(WebhookEventListener listener) {
        service = WebhookService.builder()
                .clock(clock)
                .retryPolicy(RetryPolicy.builder().initialDelay(Duration.ofSeconds(10)).maxAttempts(2)
                        .jitter(RetryPolicy.Jitter.NONE).build())
                .webhook(WebhookConfiguration.builder(CUSTOMERS, "crm").target(target).build())
                .eventListener(listener)
                .build();
        return service;
    }

    @AfterEach
    void close() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void reportsQueueingAttemptsRetriesAndDelivery() {
        service(recording);
        target.thenAnswer(DeliveryOutcome.retryable(503, "HTTP 503", null));
        service.saved(customer("c1", "a@example.com"));
        clock.advance(Duration.ofSeconds(2));
        service.deliverDue();
        clock.advance(Duration.ofSeconds(10));
        service.deliverDue();

        assertThat(events).containsExactly(
                "queued SAVED c1 crm",
                "started c1 #1",
                "failed c1 #1 next " + clock.instant(),
                "started c1 #2",
                "delivered c1 #2 200");
        assertThat(attempts.get(1).latency()).isEqualTo(Duration.ofSeconds(12));
        assertThat(attempts.get(1).callDuration().isNegative()).isFalse();
    }

    @Test
    void reportsDeadLetters() {
        service(recording);
        target.thenAnswer(DeliveryOutcome.permanent(400, "HTTP 400 bad email"));
        service.saved(customer("c1", "not-an-email"));
        service.deliverDue();

        assertThat(events).contains("dead c1 #1 HTTP 400 bad email");
    }

    @Test
    void aThrowingListenerNeitherBreaksDeliveryNorSilencesTheOthers() {
        WebhookEventListener broken = new WebhookEventListener() {
            @Override
            public void changeQueued(ChangeInfo change) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void deliveryStarted(ChangeInfo change, int attempt) {
                throw new StackOverflowError("listener recursion");
            }

            @Override
            public void delivered(ChangeInfo change, DeliveryAttempt attempt) {
                throw new IllegalStateException("listener bug");
            }
        };
        service(WebhookEventListener.composite(broken, recording));

        assertThat(service.saved(customer("c1", "a@example.com"))).isEqualTo(1);
        assertThat(service.deliverDue()).isEqualTo(1);

        assertThat(target.received()).hasSize(1);
        assertThat(service.outbox().liveCount()).isZero();
        assertThat(events).containsExactly("queued SAVED c1 crm", "started c1 #1", "delivered c1 #1 200");
    }
}
