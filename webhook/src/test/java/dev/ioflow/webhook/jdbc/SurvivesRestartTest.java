package dev.ioflow.webhook.jdbc;

import static dev.ioflow.webhook.Fixtures.CUSTOMERS;
import static dev.ioflow.webhook.Fixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ioflow.webhook.ChangeType;
import dev.ioflow.webhook.DestinationHealth;
import dev.ioflow.webhook.DestinationHealthPolicy;
import dev.ioflow.webhook.SyncReport;
import dev.ioflow.webhook.WebhookConfiguration;
import dev.ioflow.webhook.WebhookService;
import dev.ioflow.webhook.spi.Delivery;
import dev.ioflow.webhook.spi.DeliveryOutcome;
import dev.ioflow.webhook.spi.DeliveryTarget;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * With a JDBC outbox, the sync memory and the destination health live in its database (picked up without further
 * configuration): a restart, simulated by a new service over the same database, still sends an item that disappeared
 * meanwhile as DELETED, and keeps a disabled destination disabled with its changes waiting.
 */
class SurvivesRestartTest {

    abstract static class Contract {
        private final String prefix = TestDatabases.uniquePrefix();
        private final Clock clock = Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);
        private final List<Delivery> received = new ArrayList<>();
        private final Deque<DeliveryOutcome> script = new ArrayDeque<>();
        private final DeliveryTarget target = batch -> {
            List<DeliveryOutcome> outcomes = new ArrayList<>();
            batch.forEach(d -> {
                received.add(d);
                DeliveryOutcome next = script.pollFirst();
                outcomes.add(next != null ? next : DeliveryOutcome.delivered(200, "ok"));
            });
            return outcomes;
        };

        abstract DataSource dataSource();

        @AfterEach
        void dropTables() {
            TestDatabases.dropTables(dataSource(), prefix);
        }

        private WebhookService start(WebhookConfiguration.Builder webhook) {
            return WebhookService.builder().clock(clock)
                    .outbox(JdbcOutbox.builder().dataSource(dataSource()).tablePrefix(prefix).createSchema(true)
                            .clock(clock).build())
                    .markers(JdbcVersionMarkerStore.builder().dataSource(dataSource()).tablePrefix(prefix).build())
                    .destinationHealthPolicy(DestinationHealthPolicy.builder().consecutiveFailures(2).build())
                    .webhook(webhook.target(target).build())
                    .build();
        }

        private static WebhookConfiguration.Builder syncingDeletes() {
            return WebhookConfiguration.builder(CUSTOMERS, "crm").synchronizeDeletes(true)
                    .eventTypes(ChangeType.SAVED, ChangeType.DELETED);
        }

        private static void deliverAll(WebhookService service) {
            while (service.deliverDue() > 0) {
                // until nothing is due
            }
        }

        private List<String> sent() {
            return received.stream().map(d -> d.changeType() + " " + d.integrationKey()).toList();
        }

        @Test
        void anItemRemovedWhileTheApplicationWasDownIsDeletedByTheNextSync() {
            try (WebhookService first = start(syncingDeletes())) {
                first.sync(Stream.of(customer("c1", "a@x.org"), customer("c2", "b@x.org"), customer("c3", "c@x.org")));
                deliverAll(first);
            }
            SyncReport report;
            try (WebhookService restarted = start(syncingDeletes())) {
                report = restarted.sync(Stream.of(customer("c1", "a2@x.org"), customer("c3", "c@x.org")));
                deliverAll(restarted);
            }

            assertThat(report.deleted()).isEqualTo(1);
            assertThat(report.changed()).isEqualTo(1);
            assertThat(sent()).containsExactly("CREATED c1", "CREATED c2", "CREATED c3", "UPDATED c1", "DELETED c2");
            assertThat(new String(received.get(4).payload(), StandardCharsets.UTF_8)).contains("b@x.org");
        }

        @Test
        void aDeleteIsSentOnceAndAnItemDeletedThroughTheApplicationIsNotDeletedAgain() {
            try (WebhookService first = start(syncingDeletes())) {
                first.sync(Stream.of(customer("c1", "a@x.org"), customer("c2", "b@x.org"), customer("c3", "c@x.org")));
                deliverAll(first);
                first.deleted(customer("c3", "c@x.org"));
                deliverAll(first);
            }
            try (WebhookService restarted = start(syncingDeletes())) {
                assertThat(restarted.sync(Stream.of(customer("c1", "a@x.org"))).deleted()).isEqualTo(1);
                assertThat(restarted.sync(Stream.of(customer("c1", "a@x.org"))).deleted()).isZero();
                deliverAll(restarted);
            }

            assertThat(sent()).containsExactly("CREATED c1", "CREATED c2", "CREATED c3", "DELETED c3", "DELETED c2");
        }

        @Test
        void aDisabledDestinationStaysDisabledAcrossARestartAndEnablingReplaysWhatWaited() {
            WebhookConfiguration.Builder webhook = WebhookConfiguration.builder(CUSTOMERS, "crm");
            script.add(DeliveryOutcome.retryable(503, "HTTP 503", null));
            script.add(DeliveryOutcome.retryable(503, "HTTP 503", null));
            try (WebhookService first = start(webhook)) {
                first.saved(List.of(customer("c1", "a@x.org"), customer("c2", "b@x.org")));
                deliverAll(first);
                first.saved(customer("c3", "c@x.org"));
                deliverAll(first);
                assertThat(first.destinationHealth("crm").enabled()).isFalse();
            }
            assertThat(received).hasSize(2);

            try (WebhookService restarted = start(webhook)) {
                List<DestinationHealth> disabled = restarted.health().disabledDestinations();
                assertThat(disabled).extracting(DestinationHealth::destinationId).containsExactly("crm");
                assertThat(disabled.get(0).reason()).contains("2 failed attempts in a row");
                assertThat(disabled.get(0).disabledAt()).isEqualTo(clock.instant());
                restarted.saved(customer("c4", "d@x.org"));
                deliverAll(restarted);
                assertThat(received).as("nothing attempted while disabled").hasSize(2);
                assertThat(restarted.deadLetters(10)).isEmpty();

                assertThat(restarted.enableDestination("crm")).isEqualTo(4);
                deliverAll(restarted);
                assertThat(restarted.backlog().liveCount()).isZero();
            }
            try (WebhookService again = start(webhook)) {
                assertThat(again.health().disabledDestinations()).isEmpty();
            }

            assertThat(sent().subList(2, 6)).containsExactly("SAVED c1", "SAVED c2", "SAVED c3", "SAVED c4");
        }
    }

    @Nested
    class OnH2 extends Contract {
        private final DataSource dataSource = TestDatabases.h2InMemory();

        @Override
        DataSource dataSource() {
            return dataSource;
        }
    }

    @Nested
    @EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
            disabledReason = TestDatabases.NO_POSTGRES)
    class OnPostgres extends Contract {
        private final DataSource dataSource = TestDatabases.postgres();

        @Override
        DataSource dataSource() {
            return dataSource;
        }
    }
}
