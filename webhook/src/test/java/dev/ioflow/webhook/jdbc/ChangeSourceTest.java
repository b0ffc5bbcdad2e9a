package dev.ioflow.webhook.jdbc;

import static dev.ioflow.webhook.Fixtures.CUSTOMERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.ioflow.webhook.ChangeSource;
import dev.ioflow.webhook.Fixtures;
import dev.ioflow.webhook.OutboundRequest;
import dev.ioflow.webhook.OutboundRequestQuery;
import dev.ioflow.webhook.WebhookConfiguration;
import dev.ioflow.webhook.WebhookService;
import dev.ioflow.webhook.memory.InMemoryOutbox;
import dev.ioflow.webhook.spi.Delivery;
import dev.ioflow.webhook.spi.DeliveryOutcome;
import dev.ioflow.webhook.spi.DeliveryTarget;
import dev.ioflow.webhook.spi.Outbox;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Monitoring says where a change came from (SAP's source WEBHOOKSERVICES / OUTBOUNDSYNC): the source travels with
 * the change through the outbox, in memory and in the database, to the target and the monitoring record.
 */
class ChangeSourceTest {

    abstract static class Contract {
        final String prefix = TestDatabases.uniquePrefix();
        private final List<Delivery> received = new ArrayList<>();
        private final DeliveryTarget target = batch -> {
            received.addAll(batch);
            return batch.stream().map(d -> DeliveryOutcome.delivered(200, "ok")).toList();
        };

        abstract Outbox outbox();

        @Test
        void aWebhookEventAndASyncRunAreToldApartDownToTheMonitoringRecord() {
            try (WebhookService service = WebhookService.builder().outbox(outbox())
                    .webhook(WebhookConfiguration.builder(CUSTOMERS, "crm").target(target).build())
                    .build()) {
                service.saved(Fixtures.customer("c1", "a@example.com"));
                service.sync(Stream.of(Fixtures.customer("c2", "b@example.com")));
                while (service.deliverDue() > 0) {
                    // deliver what is due
                }

                assertThat(received).extracting(Delivery::integrationKey, Delivery::source)
                        .containsExactlyInAnyOrder(tuple("c1", ChangeSource.WEBHOOK),
                                tuple("c2", ChangeSource.OUTBOUND_SYNC));
                List<OutboundRequest> synced = service.monitor().query(OutboundRequestQuery.builder()
                        .source(ChangeSource.OUTBOUND_SYNC).build());
                assertThat(synced).extracting(OutboundRequest::integrationKey).containsExactly("c2");
                assertThat(service.monitor().query(OutboundRequestQuery.builder().source(ChangeSource.WEBHOOK).build()))
                        .extracting(OutboundRequest::integrationKey).containsExactly("c1");
            }
        }
    }

    @Nested
    class InMemory extends Contract {
        @Override
        Outbox outbox() {
            return new InMemoryOutbox();
        }
    }

    abstract static class Jdbc extends Contract {
        abstract DataSource dataSource();

        @Override
        Outbox outbox() {
            return JdbcOutbox.builder().dataSource(dataSource()).tablePrefix(prefix).createSchema(true).build();
        }

        @AfterEach
        void dropTables() {
            TestDatabases.dropTables(dataSource(), prefix);
        }
    }

    @Nested
    class OnH2 extends Jdbc {
        private final DataSource h2 = TestDatabases.h2InMemory();

        @Override
        DataSource dataSource() {
            return h2;
        }
    }

    @Nested
    @EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
            disabledReason = TestDatabases.NO_POSTGRES)
    class OnPostgres extends Jdbc {
        @Override
        DataSource dataSource() {
            return TestDatabases.postgres();
        }
    }
}
