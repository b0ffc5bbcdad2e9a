package dev.ioflow.webhook.jdbc;

import static dev.ioflow.webhook.Fixtures.CUSTOMERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ioflow.core.PayloadHash;
import dev.ioflow.core.monitoring.MonitorRetention;
import dev.ioflow.webhook.ChangeType;
import dev.ioflow.webhook.Fixtures;
import dev.ioflow.webhook.OutboundMonitor;
import dev.ioflow.webhook.OutboundRequest;
import dev.ioflow.webhook.OutboundRequestQuery;
import dev.ioflow.webhook.OutboundRequestStatus;
import dev.ioflow.webhook.WebhookConfiguration;
import dev.ioflow.webhook.WebhookService;
import dev.ioflow.webhook.spi.DeliveryOutcome;
import dev.ioflow.webhook.spi.DeliveryTarget;
import dev.ioflow.webhook.spi.OutboxEntry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Persistent monitoring: a webhook service on the JDBC outbox records its attempts in the same database, the records
 * outlive the service, and their cleanup does not wait for the outbox.
 */
class JdbcMonitoringTest {

    abstract static class Contract {
        final String prefix = TestDatabases.uniquePrefix();
        private final DeliveryTarget target = batch -> batch.stream()
                .map(d -> d.integrationKey().equals("bad") ? DeliveryOutcome.permanent(400, "rejected")
                        : DeliveryOutcome.delivered(200, "ok"))
                .toList();

        abstract DataSource dataSource();

        JdbcOutboundRequestStore monitorStore() {
            return JdbcOutboundRequestStore.builder().dataSource(dataSource()).tablePrefix(prefix).createSchema(true)
                    .build();
        }

        @Test
        void attemptsAreRecordedInTheDatabaseAndOutliveTheService() {
            OutboundMonitor monitor = OutboundMonitor.builder().store(monitorStore()).errorPayloads(true).build();
            try (WebhookService service = WebhookService.builder().monitor(monitor)
                    .outbox(JdbcOutbox.builder().dataSource(dataSource()).tablePrefix(prefix).createSchema(true)
                            .build())
                    .webhook(WebhookConfiguration.builder(CUSTOMERS, "crm").target(target).build())
                    .build()) {
                service.saved(Fixtures.customer("good", "a@example.com"));
                service.saved(Fixtures.customer("bad", "b@example.com"));
                while (service.deliverDue() > 0) {
                    // deliver what is due
                }
            }

            OutboundMonitor afterRestart = OutboundMonitor.builder().store(monitorStore()).build();
            assertThat(afterRestart.query(OutboundRequestQuery.builder().status(OutboundRequestStatus.SUCCESS).build()))
                    .singleElement().satisfies(r -> {
                        assertThat(r.integrationKey()).isEqualTo("good");
                        assertThat(r.payload()).as("success payloads are off").isNull();
                    });
            assertThat(afterRestart.query(OutboundRequestQuery.builder().status(OutboundRequestStatus.ERROR).build()))
                    .singleElement().satisfies(r -> {
                        assertThat(r.integrationKey()).isEqualTo("bad");
                        assertThat(r.httpStatus()).isEqualTo(400);
                        assertThat(new String(r.payload())).contains("b@example.com");
                    });
        }

        /** Issue 12: monitoring costs a delivery pass one transaction, however many attempts it made. */
        @Test
        void aPassRecordsAllItsAttemptsInOneTransaction() {
            AtomicInteger connections = new AtomicInteger();
            DataSource counting = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                    new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                        if (method.getName().equals("getConnection")) {
                            connections.incrementAndGet();
                        }
                        try {
                            return method.invoke(dataSource(), args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            OutboundMonitor monitor = OutboundMonitor.builder().cleanupInterval(Duration.ofDays(1))
                    .store(JdbcOutboundRequestStore.builder().dataSource(counting).tablePrefix(prefix)
                            .createSchema(true).build())
                    .build();
            // the first record runs the first cleanup; the pass below is not due for one
            monitor.record(OutboundRequest.builder().messageId("m-0").status(OutboundRequestStatus.SUCCESS)
                    .integrationObject("ioCustomer").integrationKey("c0").destinationId("crm").attemptedAt(Instant.now())
                    .build());
            try (WebhookService service = WebhookService.builder().monitor(monitor).claimSize(10)
                    .outbox(JdbcOutbox.builder().dataSource(dataSource()).tablePrefix(prefix).createSchema(true)
                            .build())
                    .webhook(WebhookConfiguration.builder(CUSTOMERS, "crm").target(target).build())
                    .build()) {
                for (int i = 1; i <= 10; i++) {
                    service.saved(Fixtures.customer(i == 5 ? "bad" : "c" + i, i + "@example.com"));
                }
                connections.set(0);

                assertThat(service.deliverDue()).isEqualTo(10);
            }

            assertThat(connections).as("monitoring transactions of the pass").hasValue(1);
            assertThat(monitor.size()).isEqualTo(11);
            assertThat(monitor.query(OutboundRequestQuery.builder().status(OutboundRequestStatus.ERROR).build()))
                    .extracting(OutboundRequest::integrationKey).containsExactly("bad");
        }

        /** Another transaction holds every outbox row; the monitoring cleanup goes ahead regardless. */
        @Test
        @Timeout(value = 60, unit = TimeUnit.SECONDS) // guards against a hang; the cleanup takes milliseconds
        void cleanupDoesNotWaitForOutboxLocks() throws SQLException {
            JdbcOutboundRequestStore store = monitorStore();
            JdbcOutbox outbox = JdbcOutbox.builder().dataSource(dataSource()).tablePrefix(prefix).createSchema(true)
                    .build();
            outbox.append(List.of(OutboxEntry.builder().messageId("m-0").webhookId("wh").integrationObject("ioCustomer")
                    .destinationId("crm").integrationKey("c0").changeType(ChangeType.SAVED).payload(new byte[] {1})
                    .payloadHash(new PayloadHash(1, 2)).createdAt(Instant.EPOCH).attempts(0)
                    .nextAttemptAt(Instant.EPOCH).build()));
            Instant old = Instant.parse("2026-01-01T00:00:00Z");
            store.add(OutboundRequest.builder().messageId("m-1").status(OutboundRequestStatus.SUCCESS)
                    .integrationObject("ioCustomer").integrationKey("c1").destinationId("crm").attemptedAt(old)
                    .build());
            OutboundMonitor monitor = OutboundMonitor.builder().store(store).retention(MonitorRetention.sapDefaults())
                    .clock(Clock.fixed(old.plus(Duration.ofDays(8)), ZoneOffset.UTC)).build();

            try (Connection holder = dataSource().getConnection(); Statement lock = holder.createStatement()) {
                holder.setAutoCommit(false);
                assertThat(lock.executeUpdate("UPDATE " + prefix + "outbox SET attempts = attempts + 1")).isEqualTo(1);

                assertThat(monitor.purge()).isEqualTo(1);
                holder.rollback();
            }
            assertThat(store.count()).isZero();
        }

        @AfterEach
        void dropTables() throws SQLException {
            TestDatabases.dropTables(dataSource(), prefix);
            try (Connection connection = dataSource().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS " + prefix + "outbound_request");
            }
        }
    }

    @Nested
    class OnH2 extends Contract {
        private final DataSource h2 = TestDatabases.h2InMemory();

        @Override
        DataSource dataSource() {
            return h2;
        }
    }

    @Nested
    @EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
            disabledReason = TestDatabases.NO_POSTGRES)
    class OnPostgres extends Contract {
        @Override
        DataSource dataSource() {
            return TestDatabases.postgres();
        }
    }
}
