package dev.ioflow.webhook.jdbc;

import static dev.ioflow.webhook.Fixtures.CUSTOMERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ioflow.destinations.ConsumedDestination;
import dev.ioflow.destinations.DestinationClient;
import dev.ioflow.webhook.Fixtures;
import dev.ioflow.webhook.WebhookConfiguration;
import dev.ioflow.webhook.WebhookService;
import dev.ioflow.webhook.memory.InMemoryOutbox;
import dev.ioflow.webhook.spi.ChangeContext;
import dev.ioflow.webhook.spi.Delivery;
import dev.ioflow.webhook.spi.DeliveryInterceptor;
import dev.ioflow.webhook.spi.DeliveryOutcome;
import dev.ioflow.webhook.spi.DeliveryTarget;
import dev.ioflow.webhook.spi.Outbox;
import dev.ioflow.webhook.spi.OutboxEntry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The caller's context (a trace) captured by a {@link ChangeContext} when a change is recorded travels with the
 * change through the outbox, in memory and in the database, to its delivery: interceptors see and rewrite it, and
 * the HTTP target sends it as request headers.
 */
class ChangeContextTest {
    private static final String PARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    private static final String CHILD = "00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01";

    abstract static class Contract {
        final String prefix = TestDatabases.uniquePrefix();
        final ThreadLocal<String> currentTrace = new ThreadLocal<>();
        final ChangeContext traces = () -> currentTrace.get() == null ? Map.of() : Map.of("traceparent",
                currentTrace.get());
        final List<Delivery> received = new ArrayList<>();
        final DeliveryTarget target = batch -> {
            received.addAll(batch);
            return batch.stream().map(d -> DeliveryOutcome.delivered(200, "ok")).toList();
        };

        abstract Outbox outbox();

        WebhookService.Builder service(DeliveryTarget to) {
            return WebhookService.builder().outbox(outbox()).changeContext(traces)
                    .webhook(WebhookConfiguration.builder(CUSTOMERS, "crm").target(to).build());
        }

        static void deliverAll(WebhookService service) {
            while (service.deliverDue() > 0) {
                // deliver what is due
            }
        }

        @Test
        void theContextCapturedAtSaveReachesTheTargetAndInterceptorsMayRewriteIt() {
            List<String> seen = new ArrayList<>();
            DeliveryInterceptor outer = chain -> {
                seen.add("outer " + chain.webhookId() + " " + chain.batch().get(0).headers());
                return chain.proceed(chain.batch().stream()
                        .map(d -> d.newBuilder().header("traceparent", CHILD).build()).toList());
            };
            DeliveryInterceptor inner = chain -> {
                seen.add("inner " + chain.batch().get(0).headers());
                return chain.proceed(chain.batch());
            };
            try (WebhookService service = service(target).deliveryInterceptor(outer).deliveryInterceptor(inner)
                    .build()) {
                currentTrace.set(PARENT);
                service.saved(Fixtures.customer("c1", "a@example.com"));
                currentTrace.remove();
                service.saved(Fixtures.customer("c2", "b@example.com"));
                deliverAll(service);
            }
            assertThat(seen).contains("outer ioCustomer->crm {traceparent=" + PARENT + "}", "inner {traceparent=" + CHILD + "}");
            assertThat(received).extracting(Delivery::integrationKey, Delivery::headers).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple("c1", Map.of("traceparent", CHILD)),
                    org.assertj.core.groups.Tuple.tuple("c2", Map.of("traceparent", CHILD)));
        }

        @Test
        void theOutboxKeepsTheContextOfEachEntry() {
            try (WebhookService service = service(target).build()) {
                currentTrace.set(PARENT);
                service.saved(Fixtures.customer("c1", "a@example.com"));
                currentTrace.remove();
                service.saved(Fixtures.customer("c2", "b@example.com"));
                List<OutboxEntry> pending = service.outbox().claim(10, java.time.Instant.now().plusSeconds(1),
                        Duration.ofMinutes(1), "test");
                assertThat(pending).extracting(OutboxEntry::integrationKey, OutboxEntry::context)
                        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("c1", Map.of("traceparent", PARENT)),
                                org.assertj.core.groups.Tuple.tuple("c2", Map.of()));
            }
        }

        @Test
        void aFailingContextCostsTheChangeItsContextNotTheChange() {
            ChangeContext broken = () -> Map.of("bad header", "x");
            try (WebhookService service = WebhookService.builder().outbox(outbox()).changeContext(broken)
                    .webhook(WebhookConfiguration.builder(CUSTOMERS, "crm").target(target).build()).build()) {
                assertThat(service.saved(Fixtures.customer("c1", "a@example.com"))).isEqualTo(1);
                deliverAll(service);
            }
            assertThat(received).singleElement().extracting(Delivery::headers).isEqualTo(Map.of());
        }

        @Test
        void anInterceptorThatDropsChangesFailsTheBatchForRetry() {
            DeliveryInterceptor dropping = chain -> chain.proceed(List.of());
            try (WebhookService service = service(target).deliveryInterceptor(dropping).build()) {
                service.saved(Fixtures.customer("c1", "a@example.com"));
                service.deliverDue();
                assertThat(received).isEmpty();
                assertThat(service.backlog().liveCount()).isEqualTo(1);
            }
        }
    }

    @Nested
    class InMemory extends Contract {
        @Override
        Outbox outbox() {
            return new InMemoryOutbox();
        }

        @Test
        void theHttpTargetSendsTheContextAsRequestHeaders() throws Exception {
            try (MockWebServer server = new MockWebServer()) {
                server.start();
                server.enqueue(new MockResponse.Builder().code(204).build());
                DestinationClient client = DestinationClient.builder().destination(ConsumedDestination
                        .builder("crm", server.url("/hooks").toString()).build()).build();
                try (WebhookService service = WebhookService.builder().destinations(client).changeContext(traces)
                        .webhook(WebhookConfiguration.builder(CUSTOMERS, "crm").build()).build()) {
                    currentTrace.set(PARENT);
                    service.saved(Fixtures.customer("c1", "a@example.com"));
                    currentTrace.remove();
                    service.deliverDue();
                }
                RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
                assertThat(request).isNotNull();
                assertThat(request.getHeaders().get("traceparent")).isEqualTo(PARENT);
            }
        }

        @Test
        void aContextHeaderMustBeAnHttpHeader() {
            assertThatThrownBy(() -> Delivery.builder().messageId("m").changeType(dev.ioflow.webhook.ChangeType.SAVED)
                    .integrationObject("io").destinationId("d").integrationKey("k").payload(new byte[0])
                    .createdAt(java.time.Instant.EPOCH).header("trace\nparent", "x").build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Delivery context header name 'trace\nparent'");
        }
    }

    abstract static class Jdbc extends Contract {
        abstract DataSource dataSource();

        @Override
        Outbox outbox() {
            return JdbcOutbox.builder().dataSource(dataSource()).tablePrefix(prefix).createSchema(true).build();
        }

        @Test
        void aTableCreatedBeforeTheContextColumnGetsIt() throws SQLException {
            outbox().close();
            try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("ALTER TABLE " + prefix + "outbox DROP COLUMN change_context");
            }
            try (WebhookService service = service(target).build()) {
                currentTrace.set(PARENT);
                service.saved(Fixtures.customer("c1", "a@example.com"));
                deliverAll(service);
            }
            assertThat(received).singleElement().extracting(Delivery::headers)
                    .isEqualTo(Map.of("traceparent", PARENT));
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
