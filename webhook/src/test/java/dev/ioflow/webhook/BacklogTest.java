package dev.ioflow.webhook;

import static dev.ioflow.webhook.Fixtures.CUSTOMERS;
import static dev.ioflow.webhook.Fixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ioflow.webhook.jdbc.JdbcOutbox;
import dev.ioflow.webhook.jdbc.TestDatabases;
import dev.ioflow.webhook.memory.InMemoryOutbox;
import dev.ioflow.webhook.spi.Outbox;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BacklogTest {

    static Stream<Outbox> outboxes() {
        return Stream.of(new InMemoryOutbox(),
                JdbcOutbox.builder().dataSource(TestDatabases.h2InMemory()).createSchema(true).build());
    }

    @ParameterizedTest
    @MethodSource("outboxes")
    void reportsTheLiveCountAndHowLongTheOldestChangeWaited(Outbox outbox) {
        ManualClock clock = new ManualClock();
        RecordingTarget target = new RecordingTarget();
        try (WebhookService service = WebhookService.builder().clock(clock).outbox(outbox)
                .webhook(WebhookConfiguration.builder(CUSTOMERS, "crm").target(target).build()).build()) {
            assertThat(service.backlog().liveCount()).isZero();
            assertThat(service.backlog().oldestAge()).isZero();

            service.saved(customer("c1", "a@example.com"));
            clock.advance(Duration.ofSeconds(30));
            service.saved(customer("c2", "b@example.com"));
            clock.advance(Duration.ofSeconds(15));

            Backlog backlog = service.backlog();
            assertThat(backlog.liveCount()).isEqualTo(2);
            assertThat(backlog.oldestAge()).isEqualTo(Duration.ofSeconds(45));
            assertThat(backlog.takenAt()).isEqualTo(clock.instant());

            assertThat(service.deliverDue()).isEqualTo(1);
            assertThat(service.backlog().liveCount()).isEqualTo(1);
            assertThat(service.backlog().oldestAge()).isEqualTo(Duration.ofSeconds(15));
            assertThat(service.deliverDue()).isEqualTo(1);
            assertThat(service.backlog().liveCount()).isZero();
            assertThat(service.backlog().oldestCreatedAt()).isNull();
        } finally {
            outbox.close();
        }
    }
}
