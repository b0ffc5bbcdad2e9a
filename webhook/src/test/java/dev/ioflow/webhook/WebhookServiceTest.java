package dev.ioflow.webhook;

import dev.ioflow.webhook.memory.InMemoryOutbox;
import dev.ioflow.webhook.memory.InMemoryVersionMarkerStore;
import dev.ioflow.webhook.spi.Delivery;

import static dev.ioflow.webhook.Fixtures.CUSTOMERS;
import static dev.ioflow.webhook.Fixtures.PRODUCTS;
import static dev.ioflow.webhook.Fixtures.customer;
import static dev.ioflow.webhook.Fixtures.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ioflow.core.ItemRenderException;
import dev.ioflow.core.MissingKeyValueException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookServiceTest {
    private final ManualClock clock = new ManualClock();
    private final RecordingTarget target = new RecordingTarget();
    private WebhookService service;

    private WebhookService service(WebhookConfiguration.Builder... webhooks) {
        WebhookService.Builder b = WebhookService.builder().clock(clock);
        for (WebhookConfiguration.Builder w : webhooks) {
            b.webhook(w.build());
        }
        service = b.build();
        return service;
    }

    private WebhookConfiguration.Builder customers() {
        return WebhookConfiguration.builder(CUSTOMERS, "crm").target(target);
    }

    @AfterEach
    void close() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void savedItemIsDeliveredWithItsPayloadAndKey() {
        service(customers());

        assertThat(service.saved(customer("c1", "c1@example.com"))).isEqualTo(1);
        assertThat(service.deliverDue()).isEqualTo(1);

        Delivery change = target.received().get(0);
        assertThat(change.changeType()).isEqualTo(ChangeType.SAVED);
        assertThat(change.integrationObject()).isEqualTo("ioCustomer");
        assertThat(change.destinationId()).isEqualTo("crm");
        assertThat(change.integrationKey()).isEqualTo("c1");
        assertThat(change.attempt()).isEqualTo(1);
        assertThat(target.payloads().get(0)).contains("\"contactEmail\":\"c1@example.com\"");
    }

    @Test
    void savingAnUnchangedItemAgainSendsNothing() {
        service(customers());
        service.saved(customer("c1", "a@example.com"));
        service.deliverDue();

        assertThat(service.saved(customer("c1", "a@example.com"))).isZero();
        assertThat(service.deliverDue()).isZero();
        assertThat(target.received()).hasSize(1);
    }

    @Test
    void savingAChangedItemSendsTheNewPayload() {
        service(customers());
        service.saved(customer("c1", "a@example.com"));
        service.deliverDue();

        assertThat(service.saved(customer("c1", "b@example.com"))).isEqualTo(1);
        service.deliverDue();

        assertThat(target.payloads()).hasSize(2).last().asString().contains("b@example.com");
    }

    @Test
    void pendingSavesOfOneKeyCoalesceIntoTheNewest() {
        service(customers());
        service.saved(customer("c1", "v1@example.com"));
        service.saved(customer("c1", "v2@example.com"));
        service.saved(customer("c1", "v3@example.com"));

        service.deliverDue();
        service.deliverDue();

        assertThat(target.payloads()).singleElement().asString().contains("v3@example.com");
    }

    @Test
    void aSaveRevertingAnUndeliveredChangeIsStillSent() {
        service(customers());
        service.saved(customer("c1", "old@example.com"));
        service.deliverDue();
        service.saved(customer("c1", "new@example.com"));

        assertThat(service.saved(customer("c1", "old@example.com"))).isEqualTo(1);
        service.deliverDue();

        assertThat(target.payloads()).hasSize(2).last().asString().contains("old@example.com");
    }

    @Test
    void aBatchThatChangesAnItemAndRevertsItSendsTheRevertedState() {
        service(customers());
        service.saved(customer("c1", "old@example.com"));
        service.deliverDue();

        service.saved(List.of(customer("c1", "new@example.com"), customer("c1", "old@example.com")));
        service.deliverDue();

        assertThat(target.payloads()).last().asString().contains("old@example.com");
    }

    @Test
    void itemsOfAnotherTypeAreNotRoutedToTheWebhook() {
        service(customers());

        assertThat(service.saved(product("p1", "Pen"))).isZero();
        assertThat(service.deliverDue()).isZero();
    }

    @Test
    void eachItemGoesToTheWebhooksOfItsIntegrationObject() {
        RecordingTarget productTarget = new RecordingTarget();
        service(customers(), WebhookConfiguration.builder(PRODUCTS, "pim").target(productTarget));

        service.saved(List.of(customer("c1", "a@example.com"), product("p1", "Pen")));
        service.deliverDue();
        service.deliverDue();

        assertThat(target.received()).extracting(Delivery::integrationKey).containsExactly("c1");
        assertThat(productTarget.received()).extracting(Delivery::integrationKey).containsExactly("p1");
    }

    @Test
    void theFilterDecidesWhichItemsAreSent() {
        service(customers().filter(item -> !((Map<?, ?>) item).get("contactEmail").toString().endsWith("@test")));

        assertThat(service.saved(customer("c1", "someone@test"))).isZero();
        assertThat(service.saved(customer("c2", "someone@example.com"))).isEqualTo(1);
    }

    @Test
    void deletesAreIgnoredUnlessTheWebhookWantsThem() {
        service(customers());

        assertThat(service.deleted(customer("c1", "a@example.com"))).isZero();
    }

    @Test
    void aDeleteCarriesThePayloadRenderedAtDeleteTime() {
        service(customers().eventTypes(ChangeType.SAVED, ChangeType.DELETED));
        Map<String, Object> item = customer("c1", "at-delete@example.com");

        service.deleted(item);
        item.put("contactEmail", "changed-afterwards@example.com");
        service.deliverDue();

        Delivery change = target.received().get(0);
        assertThat(change.changeType()).isEqualTo(ChangeType.DELETED);
        assertThat(target.payloads().get(0)).contains("at-delete@example.com");
    }

    @Test
    void aDeliveredDeleteForgetsTheMarkerSoARecreatedItemIsSentAgain() {
        service(customers().eventTypes(ChangeType.SAVED, ChangeType.DELETED));
        service.saved(customer("c1", "a@example.com"));
        service.deliverDue();
        service.deleted(customer("c1", "a@example.com"));
        service.deliverDue();

        assertThat(service.saved(customer("c1", "a@example.com"))).isEqualTo(1);
    }

    @Test
    void aSingleItemThatCannotBeRenderedThrowsTheRenderError() {
        service(customers());

        assertThatThrownBy(() -> service.saved(customer(null, "a@example.com")))
                .isInstanceOf(MissingKeyValueException.class)
                .hasMessageContaining("customerID");
        assertThat(service.outbox().liveCount()).isZero();
    }

    @Test
    void aBatchQueuesTheGoodItemsAndNamesTheRejectedOnes() {
        service(customers());

        assertThatThrownBy(() -> service.saved(List.of(customer("c1", "a@example.com"), customer(null, "x"),
                customer("c3", "c@example.com"))))
                .isInstanceOfSatisfying(ChangeRejectedException.class, e -> {
                    assertThat(e.rejections()).singleElement().satisfies(r -> {
                        assertThat(r.index()).isEqualTo(1);
                        assertThat(r.webhookId()).isEqualTo("ioCustomer->crm");
                        assertThat(r.cause()).isInstanceOf(ItemRenderException.class);
                    });
                    assertThat(e).hasMessageContaining("1 of 3 items rejected: item [1] for webhook 'ioCustomer->crm'")
                            .hasMessageContaining("customerID");
                });
        assertThat(service.outbox().liveCount()).isEqualTo(2);
    }

    @Test
    void theWebhookIdDefaultsToIntegrationObjectAndDestination() {
        assertThat(customers().build().id()).isEqualTo("ioCustomer->crm");
    }

    @Test
    void twoWebhooksWithOneIdAreRefused() {
        assertThatThrownBy(() -> service(customers(), customers()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'ioCustomer->crm'");
    }

    @Test
    void anHttpWebhookWithoutADestinationClientIsRefused() {
        assertThatThrownBy(() -> service(WebhookConfiguration.builder(CUSTOMERS, "crm")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("destination 'crm'")
                .hasMessageContaining("destinations(client)");
    }

    @Test
    void aClosedServiceRefusesChanges() {
        service(customers());
        service.close();

        assertThatThrownBy(() -> service.saved(customer("c1", "a@example.com")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("webhook service is closed");
    }

    @Test
    void batchesRespectTheTargetsMaximum() {
        RecordingTarget batching = new RecordingTarget(2);
        service(WebhookConfiguration.builder(CUSTOMERS, "crm").target(batching));
        service.saved(List.of(customer("a", "a"), customer("b", "b"), customer("c", "c"), customer("d", "d"),
                customer("e", "e")));

        while (service.deliverDue() > 0) {
            // drain
        }

        assertThat(batching.batchSizes()).containsExactly(2, 2, 1);
    }

    @Test
    void aSaveIsSentWhenAnotherInstanceDeliveredThisInstancesEarlierChangeAndANewerOne() {
        InMemoryOutbox sharedOutbox = new InMemoryOutbox();
        InMemoryVersionMarkerStore sharedMarkers = new InMemoryVersionMarkerStore();
        WebhookService instanceA = WebhookService.builder().clock(clock).outbox(sharedOutbox).markers(sharedMarkers)
                .webhook(customers().build()).build();
        service = WebhookService.builder().clock(clock).outbox(sharedOutbox).markers(sharedMarkers)
                .webhook(customers().build()).build();
        instanceA.saved(customer("c1", "v1@example.com"));
        assertThat(service.deliverDue()).isEqualTo(1);
        service.saved(customer("c1", "v2@example.com"));
        assertThat(service.deliverDue()).isEqualTo(1);

        assertThat(instanceA.saved(customer("c1", "v1@example.com"))).isEqualTo(1);
        assertThat(service.deliverDue()).isEqualTo(1);
        assertThat(target.payloads()).last().asString().contains("v1@example.com");
        instanceA.close();
    }

    @Test
    void changesOfAWebhookThisServiceDoesNotHaveAreLeftForTheServiceThatHasIt() {
        InMemoryOutbox shared = new InMemoryOutbox();
        RecordingTarget productTarget = new RecordingTarget();
        WebhookService customerService = WebhookService.builder().clock(clock).outbox(shared)
                .lease(Duration.ofMinutes(5)).webhook(customers().build()).build();
        service = WebhookService.builder().clock(clock).outbox(shared)
                .webhook(WebhookConfiguration.builder(PRODUCTS, "pim").target(productTarget).build()).build();
        customerService.saved(customer("c1", "a@example.com"));

        assertThat(service.deliverDue()).isEqualTo(1);
        assertThat(customerService.deliverDue()).isZero();
        clock.advance(Duration.ofMinutes(5));
        assertThat(customerService.deliverDue()).isEqualTo(1);

        assertThat(productTarget.received()).isEmpty();
        assertThat(target.received()).extracting(Delivery::attempt).containsExactly(1);
        customerService.close();
    }
}
