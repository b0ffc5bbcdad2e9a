package dev.ioflow.webhook;

import static dev.ioflow.webhook.Fixtures.CUSTOMERS;
import static dev.ioflow.webhook.Fixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ioflow.destinations.ConsumedDestination;
import dev.ioflow.destinations.DestinationClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A destination that keeps failing is disabled: its changes are parked (neither attempted nor dead-lettered), health
 * and the listener say so, and enabling it replays what waited, in order. Delivery is driven by {@code deliverDue()}
 * under a manual clock.
 */
class DestinationHealthTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T00:00:00Z"));
    private final MockWebServer server = new MockWebServer();
    private final List<String> events = new ArrayList<>();
    private final WebhookEventListener listener = new WebhookEventListener() {
        @Override
        public void destinationDisabled(DestinationHealth health) {
            events.add("disabled " + health.destinationId() + " at " + health.disabledAt());
        }

        @Override
        public void destinationEnabled(String destinationId, Instant enabledAt) {
            events.add("enabled " + destinationId + " at " + enabledAt);
        }
    };
    private final RetryPolicy retries = RetryPolicy.builder().initialDelay(Duration.ofHours(1))
            .maxDelay(Duration.ofHours(12)).maxAttempts(1000).maxAge(Duration.ofDays(30))
            .jitter(RetryPolicy.Jitter.NONE).build();
    private WebhookService service;

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        server.close();
    }

    private WebhookService service(DestinationHealthPolicy policy, RetryPolicy retryPolicy) {
        ConsumedDestination crm = ConsumedDestination.builder("crm", server.url("/hooks").toString()).build();
        service = WebhookService.builder().clock(clock).retryPolicy(retryPolicy).eventListener(listener)
                .destinations(DestinationClient.builder().destination(crm).clock(clock).build())
                .destinationHealthPolicy(policy)
                .webhook(WebhookConfiguration.builder(CUSTOMERS, "crm").build())
                .build();
        return service;
    }

    private void answer(int code, int times) {
        for (int i = 0; i < times; i++) {
            server.enqueue(new MockResponse.Builder().code(code).build());
        }
    }

    private void deliverAll() {
        while (service.deliverDue() > 0) {
            // until nothing is due
        }
    }

    private List<String> takeBodies(int count) throws InterruptedException {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            assertThat(request).as("request %d of %d", i + 1, count).isNotNull();
            bodies.add(request.getBody().utf8());
        }
        return bodies;
    }

    @Test
    void consecutiveFailuresDisableTheDestinationAndItsChangesWaitInsteadOfDeadLettering() throws Exception {
        service(DestinationHealthPolicy.builder().failingFor(null).consecutiveFailures(3).build(), retries);
        answer(503, 3);
        service.saved(List.of(customer("c1", "a@x.org"), customer("c2", "b@x.org"), customer("c3", "c@x.org")));
        deliverAll();

        DestinationHealth health = service.destinationHealth("crm");
        assertThat(health.enabled()).isFalse();
        assertThat(health.disabledAt()).isEqualTo(clock.instant());
        assertThat(health.consecutiveFailures()).isEqualTo(3);
        assertThat(health.reason()).contains("3 failed attempts in a row");
        assertThat(health.lastError()).contains("503");
        assertThat(service.health().disabledDestinations()).containsExactly(health);
        assertThat(events).containsExactly("disabled crm at " + clock.instant());

        service.saved(customer("c4", "d@x.org"));
        clock.advance(Duration.ofDays(10));
        deliverAll();
        assertThat(server.getRequestCount()).as("the retries and the new change are parked").isEqualTo(3);
        assertThat(service.deadLetters(10)).isEmpty();
        assertThat(service.backlog().liveCount()).isEqualTo(4);
        assertThat(service.outbox().nextDueAt()).isAfter(clock.instant().plus(Duration.ofDays(365 * 1000L)));
    }

    @Test
    void enablingReplaysWhatWaitedInOrderAndTellsTheListener() throws Exception {
        service(DestinationHealthPolicy.builder().failingFor(null).consecutiveFailures(2).build(), retries);
        answer(503, 2);
        service.saved(List.of(customer("c1", "a@x.org"), customer("c2", "b@x.org")));
        deliverAll();
        takeBodies(2);
        service.saved(List.of(customer("c3", "c@x.org"), customer("c1", "a2@x.org")));
        deliverAll();
        assertThat(server.getRequestCount()).isEqualTo(2);

        clock.advance(Duration.ofMinutes(5));
        answer(200, 3);
        assertThat(service.enableDestination("crm")).isEqualTo(3);
        deliverAll();

        // the pending c1 was replaced by its newer save (coalescing), which queued behind c2 and c3
        assertThat(takeBodies(3)).extracting(body -> body.replaceAll(".*\"contactEmail\":\"([^\"]+)\".*", "$1"))
                .containsExactly("b@x.org", "c@x.org", "a2@x.org");
        assertThat(service.destinationHealth("crm")).isEqualTo(DestinationHealth.healthy("crm"));
        assertThat(service.health().disabledDestinations()).isEmpty();
        assertThat(service.backlog().liveCount()).isZero();
        assertThat(events).hasSize(2).last().isEqualTo("enabled crm at " + clock.instant());
    }

    @Test
    void aDestinationFailingForFiveDaysIsDisabledByDefault() {
        service(DestinationHealthPolicy.defaults(), retries);
        answer(503, 200);
        service.saved(customer("c1", "a@x.org"));
        Instant firstFailure = clock.instant();
        service.deliverDue();

        while (Duration.between(firstFailure, clock.instant()).compareTo(Duration.ofDays(5)) < 0) {
            assertThat(service.destinationHealth("crm").enabled()).as("at %s", clock.instant()).isTrue();
            clock.set(service.outbox().nextDueAt());
            service.deliverDue();
        }

        DestinationHealth health = service.destinationHealth("crm");
        assertThat(health.enabled()).isFalse();
        assertThat(health.failingSince()).isEqualTo(firstFailure);
        assertThat(health.reason()).contains("failing since " + firstFailure);
        assertThat(events).hasSize(1);
    }

    @Test
    void aSuccessMakesAFailingDestinationHealthyAgain() {
        service(DestinationHealthPolicy.builder().consecutiveFailures(3).build(), retries);
        answer(503, 2);
        answer(200, 1);
        answer(503, 2);
        service.saved(List.of(customer("c1", "a@x.org"), customer("c2", "b@x.org"), customer("c3", "c@x.org"),
                customer("c4", "d@x.org"), customer("c5", "e@x.org")));
        deliverAll();

        DestinationHealth health = service.destinationHealth("crm");
        assertThat(health.enabled()).isTrue();
        assertThat(health.consecutiveFailures()).isEqualTo(2);
        assertThat(health.failingSince()).isEqualTo(clock.instant());
        assertThat(events).isEmpty();
    }

    @Test
    void withThePolicyOffFailuresEndAsDeadLettersAsBefore() {
        service(DestinationHealthPolicy.never(), RetryPolicy.builder().maxAttempts(1).build());
        answer(503, 5);
        for (int i = 0; i < 5; i++) {
            service.saved(customer("c" + i, "x@x.org"));
        }
        deliverAll();

        assertThat(service.deadLetters(10)).hasSize(5);
        assertThat(service.destinationHealth("crm").enabled()).isTrue();
        assertThat(events).isEmpty();
    }
}
