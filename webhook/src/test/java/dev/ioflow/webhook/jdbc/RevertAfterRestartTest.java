package dev.ioflow.webhook.jdbc;

import static dev.ioflow.webhook.Fixtures.CUSTOMERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ioflow.webhook.Fixtures;
import dev.ioflow.webhook.WebhookConfiguration;
import dev.ioflow.webhook.WebhookService;
import dev.ioflow.webhook.spi.DeliveryOutcome;
import dev.ioflow.webhook.spi.DeliveryTarget;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Delta detection after a restart compares a save with what the durable outbox still holds for its key: "deliver
 * A, queue B, restart, save A" queues A again (B must not win), and saving the queued state again sends nothing new.
 * A restart is a new service, with new stores, over the same database.
 */
class RevertAfterRestartTest {

    abstract static class Contract {
        private final String prefix = TestDatabases.uniquePrefix();
        private final List<String> received = new ArrayList<>();
        private final DeliveryTarget target = batch -> {
            List<DeliveryOutcome> outcomes = new ArrayList<>();
            batch.forEach(d -> {
                received.add(new String(d.payload(), StandardCharsets.UTF_8));
                outcomes.add(DeliveryOutcome.delivered(200, "ok"));
            });
            return outcomes;
        };

        abstract DataSource dataSource();

        @AfterEach
        void dropTables() {
            TestDatabases.dropTables(dataSource(), prefix);
        }

        private WebhookService start() {
            return WebhookService.builder()
                    .outbox(JdbcOutbox.builder().dataSource(dataSource()).tablePrefix(prefix).createSchema(true).build())
                    .markers(JdbcVersionMarkerStore.builder().dataSource(dataSource()).tablePrefix(prefix)
                            .createSchema(true).build())
                    .webhook(WebhookConfiguration.builder(CUSTOMERS, "crm").target(target).build())
                    .build();
        }

        @Test
        void aRevertSavedAfterARestartIsQueuedAndTheQueuedChangeDoesNotWin() {
            try (WebhookService first = start()) {
                first.saved(customer("A"));
                assertThat(first.deliverDue()).isEqualTo(1);
                first.saved(customer("B")); // the process dies before B is delivered
            }
            try (WebhookService restarted = start()) {
                assertThat(restarted.saved(customer("A"))).as("A after a restart, with B queued").isEqualTo(1);
                while (restarted.deliverDue() > 0) {
                    // deliver what is due
                }
            }
            assertThat(received).first().asString().contains("A@example.com");
            assertThat(received).last().asString().contains("A@example.com");
        }

        @Test
        void savingTheQueuedStateAgainAfterARestartSendsNothingNew() {
            try (WebhookService first = start()) {
                first.saved(customer("A"));
            }
            try (WebhookService restarted = start()) {
                assertThat(restarted.saved(customer("A"))).isZero();
                assertThat(restarted.deliverDue()).isEqualTo(1);
                assertThat(restarted.deliverDue()).isZero();
            }
            assertThat(received).hasSize(1);
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

    private static Map<String, Object> customer(String state) {
        return Fixtures.customer("c1", state + "@example.com");
    }
}
