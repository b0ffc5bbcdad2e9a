package dev.ioflow.webhook;

import dev.ioflow.webhook.spi.Delivery;

import static dev.ioflow.webhook.Fixtures.CUSTOMERS;
import static dev.ioflow.webhook.Fixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutboundSyncTest {
    private final ManualClock clock = new ManualClock();
    private final RecordingTarget target = new RecordingTarget();
    private WebhookService service;

    private WebhookService service(boolean synchronizeDeletes) {
        service = WebhookService.builder().clock(clock)
                .webhook(WebhookConfiguration.builder(CUSTOMERS, "crm").target(target)
                        .synchronizeDeletes(synchronizeDeletes).build())
                .build();
        return service;
    }

    @AfterEach
    void close() {
        service.close();
    }

    private void deliverAll() {
        while (service.deliverDue() > 0) {
            // until nothing is due
        }
    }

    private static Stream<Map<String, Object>> customers(int count, int changedEvery, String changedEmail) {
        return IntStream.range(0, count).mapToObj(i -> customer("c" + i,
                changedEvery > 0 && i % changedEvery == 0 ? changedEmail : "c" + i + "@example.com"));
    }

    @Test
    void aFirstSyncSendsEveryItem() {
        service(false);

        SyncReport report = service.sync(customers(50, 0, null));
        deliverAll();

        assertThat(report.seen()).isEqualTo(50);
        assertThat(report.changed()).isEqualTo(50);
        assertThat(target.received()).hasSize(50);
    }

    @Test
    void aSecondSyncSendsOnlyTheChangedItems() {
        service(false);
        service.sync(customers(1000, 0, null));
        deliverAll();

        SyncReport report = service.sync(customers(1000, 100, "changed@example.com"));
        deliverAll();

        assertThat(report.seen()).isEqualTo(1000);
        assertThat(report.changed()).isEqualTo(10);
        assertThat(report.unchanged()).isEqualTo(990);
        assertThat(report.rejected()).isZero();
        assertThat(target.received()).hasSize(1010);
        assertThat(target.received().subList(1000, 1010)).extracting(Delivery::integrationKey)
                .containsExactly("c0", "c100", "c200", "c300", "c400", "c500", "c600", "c700", "c800", "c900");
    }

    @Test
    void itemsThatCannotBeRenderedAreReportedNotThrown() {
        service(false);

        SyncReport report = service.sync(Stream.of(customer("c1", "a"), customer(null, "b"), customer("c3", "c")));

        assertThat(report.rejected()).isEqualTo(1);
        assertThat(report.changed()).isEqualTo(2);
        assertThat(report.rejections()).singleElement().satisfies(r -> {
            assertThat(r.index()).isEqualTo(1);
            assertThat(r.cause()).hasMessageContaining("customerID");
        });
    }

    @Test
    void itemsMissingFromTheSourceAreSentAsDeletesWithTheirLastPayload() {
        service(true);
        service.sync(Stream.of(customer("c1", "a@example.com"), customer("c2", "b@example.com")));
        deliverAll();

        SyncReport report = service.sync(Stream.of(customer("c1", "a@example.com")));
        deliverAll();

        assertThat(report.deleted()).isEqualTo(1);
        Delivery delete = target.received().get(2);
        assertThat(delete.changeType()).isEqualTo(ChangeType.DELETED);
        assertThat(delete.integrationKey()).isEqualTo("c2");
        assertThat(new String(delete.payload())).contains("b@example.com");
    }

    @Test
    void newItemsAreSentAsCreatedAndChangedOnesAsUpdated() {
        service(false);
        service.sync(Stream.of(customer("c1", "a@example.com"), customer("c2", "b@example.com")));
        deliverAll();

        service.sync(Stream.of(customer("c1", "a2@example.com"), customer("c2", "b@example.com"),
                customer("c3", "c@example.com")));
        deliverAll();

        assertThat(target.received()).extracting(d -> d.changeType() + " " + d.integrationKey())
                .containsExactly("CREATED c1", "CREATED c2", "UPDATED c1", "CREATED c3");
    }

    @Test
    void anItemWhoseCreationIsStillOnItsWayStaysACreation() {
        service(false);
        service.sync(Stream.of(customer("c1", "a@example.com")));
        service.sync(Stream.of(customer("c1", "a2@example.com")));
        deliverAll();

        assertThat(target.received()).singleElement().satisfies(d -> {
            assertThat(d.changeType()).isEqualTo(ChangeType.CREATED);
            assertThat(new String(d.payload())).contains("a2@example.com");
        });
    }

    @Test
    void aWebhookForCreationsOnlyGetsNoUpdatesFromASync() {
        service = WebhookService.builder().clock(clock)
                .webhook(WebhookConfiguration.builder(CUSTOMERS, "crm").target(target)
                        .eventTypes(ChangeType.CREATED).build())
                .build();
        service.sync(Stream.of(customer("c1", "a@example.com")));
        deliverAll();

        SyncReport report = service.sync(Stream.of(customer("c1", "a2@example.com")));
        deliverAll();

        assertThat(report.changed()).isZero();
        assertThat(target.received()).extracting(Delivery::changeType).containsExactly(ChangeType.CREATED);
    }

    @Test
    void withoutSynchronizeDeletesMissingItemsAreLeftAlone() {
        service(false);
        service.sync(Stream.of(customer("c1", "a"), customer("c2", "b")));
        deliverAll();

        assertThat(service.sync(Stream.of(customer("c1", "a"))).deleted()).isZero();
    }

    @Test
    void aSourceThatFailsMidwayInfersNoDeletes() {
        service(true);
        service.sync(Stream.of(customer("c1", "a"), customer("c2", "b")));
        deliverAll();

        Stream<Map<String, Object>> failing = Stream.of(customer("c1", "a"), customer("c2", "b"))
                .peek(item -> {
                    if ("c2".equals(item.get("customerID"))) {
                        throw new IllegalStateException("database went away");
                    }
                });
        assertThatThrownBy(() -> service.sync(failing)).hasMessage("database went away");

        assertThat(service.sync(Stream.of(customer("c1", "a"), customer("c2", "b"))).deleted()).isZero();
    }

    @Test
    void aSyncWithAnItemThatCannotBeRenderedInfersNoDeletes() {
        service(true);
        service.sync(Stream.of(customer("c1", "a"), customer("c2", "b")));
        deliverAll();

        SyncReport report = service.sync(Stream.of(customer("c1", "a"), customer(null, "b")));
        deliverAll();

        assertThat(report.rejected()).isEqualTo(1);
        assertThat(report.deleted()).isZero();
        assertThat(target.received()).extracting(Delivery::changeType).doesNotContain(ChangeType.DELETED);
    }

    @Test
    void syncedItemsCoalesceWithPendingSaves() {
        service(false);
        service.saved(customer("c1", "from-app@example.com"));

        service.sync(Stream.of(customer("c1", "from-sync@example.com")));
        deliverAll();

        assertThat(target.payloads()).singleElement().asString().contains("from-sync@example.com");
    }

    @Test
    void reportCountsAddUp() {
        service(false);
        SyncReport report = service.sync(customers(10, 0, null));

        assertThat(report.changed() + report.unchanged() + report.rejected()).isEqualTo(report.seen());
        assertThat(report.toString()).startsWith("SyncReport[seen=10, changed=10, unchanged=0");
        assertThat(report.duration().isNegative()).isFalse();
    }
}
