package dev.ioflow.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.JavaTypeSystem;
import dev.ioflow.core.Payload;
import dev.ioflow.core.PayloadRenderer;
import dev.ioflow.emarsys.ContactResult;
import dev.ioflow.emarsys.EmarsysClient;
import dev.ioflow.emarsys.EmarsysConfig;
import dev.ioflow.webhook.ChangeType;
import dev.ioflow.webhook.spi.DeliveryOutcome;
import dev.ioflow.webhook.spi.Delivery;
import dev.ioflow.webhook.WebhookConfiguration;
import dev.ioflow.webhook.WebhookService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test kit as an application's tests use it: with ioflow's real client, renderer and webhook service. */
class ConsumerUsageTest {
    /** An application's item class. */
    public record Customer(String customerID, String contactEmail, Address defaultAddress) {
    }

    /** A nested item. */
    public record Address(String town) {
    }

    private static final IntegrationObject IO_CUSTOMER = IntegrationObject.builder("ioCustomer")
            .item("Customer", i -> i.root()
                    .attribute("customerID", a -> a.unique())
                    .attribute("contactEmail")
                    .attribute("defaultAddress", a -> a.item("Address")))
            .item("Address", i -> i.attribute("town", a -> a.unique()))
            .build();

    private static final Customer C1 = new Customer("c1", "c1@example.com", new Address("Berlin"));

    @Test
    void theEmarsysClientSignedWithWsseUpsertsIntoTheStandInAndSeesPerContactErrors() {
        try (EmarsysStandIn emarsys = EmarsysStandIn.builder().wsse("customer001", "secret").build().start()) {
            EmarsysClient client = EmarsysClient.builder().config(EmarsysConfig.builder().wsse("customer001", "secret")
                    .apiBaseUrl(emarsys.apiBaseUrl(2)).build()).build();

            ContactResult result = client.upsertContacts(3, List.of(Map.of(3, "c1@example.com", 1, "Ann"),
                    Map.of(3, "not-an-email")));
            client.listFields();

            assertThat(result.errorFor("not-an-email").code()).isEqualTo(2007);
            assertThat(emarsys.contact(3, "c1@example.com")).containsEntry("1", "Ann");
            assertThat(emarsys.requests()).extracting(StandInRequest::status).containsExactly(200, 200);
        }
    }

    @Test
    void theEmarsysClientWithOAuthFetchesOneTokenForManyCalls() {
        try (EmarsysStandIn emarsys = EmarsysStandIn.builder().oauth("client", "secret").build().start()) {
            EmarsysClient client = EmarsysClient.builder().config(EmarsysConfig.builder().oauth2("client", "secret")
                    .oauth2TokenUrl(emarsys.tokenUrl()).apiBaseUrl(emarsys.apiBaseUrl(3)).build()).build();

            for (int i = 1; i <= 3; i++) {
                client.upsertContacts(3, List.of(Map.of(3, "c" + i + "@example.com")));
            }

            assertThat(emarsys.tokenRequestCount()).isEqualTo(1);
            assertThat(emarsys.contacts()).hasSize(3);
        }
    }

    @Test
    void aWebhookDeliversToTheRecordingTargetWhatTheRendererRenders() throws InterruptedException {
        PayloadRenderer renderer = PayloadRenderer.of(IO_CUSTOMER, JavaTypeSystem.of(Customer.class));
        RecordingDeliveryTarget target = RecordingDeliveryTarget.create()
                .failNext(1, DeliveryOutcome.retryable(503, "down", null));
        try (WebhookService webhooks = WebhookService.builder()
                .webhook(WebhookConfiguration.builder(renderer, "crm").target(target).build())
                .build()) {
            webhooks.start();
            webhooks.saved(C1);

            List<Delivery> delivered = target.awaitDelivered(1, Duration.ofSeconds(30));

            assertThat(target.changes()).hasSize(2);
            assertThat(delivered.get(0).changeType()).isEqualTo(ChangeType.SAVED);
            assertThat(delivered.get(0).attempt()).isEqualTo(2);
            assertThat(delivered.get(0).payload()).isEqualTo(renderer.render(C1).json());
        }
    }

    @Test
    void payloadAssertionsReadARenderedPayload() {
        Payload payload = PayloadRenderer.of(IO_CUSTOMER, JavaTypeSystem.of(Customer.class)).render(C1);

        PayloadAssert.assertThat(payload)
                .hasIntegrationObject("ioCustomer")
                .hasIntegrationKey("c1")
                .hasAttribute("defaultAddress.town", "Berlin")
                .hasNoAttribute("password")
                .hasHash(payload.hash())
                .isEqualToJson("""
                        {"integrationKey": "c1", "contactEmail": "c1@example.com", "customerID": "c1",
                         "defaultAddress": {"integrationKey": "Berlin", "town": "Berlin"}}""");
    }
}
