package dev.ioflow.odata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioflow.core.TypeSystem;
import dev.ioflow.webhook.ChangeType;
import dev.ioflow.webhook.memory.InMemoryOutbox;
import dev.ioflow.webhook.spi.OutboxEntry;
import dev.ioflow.webhook.WebhookConfiguration;
import dev.ioflow.webhook.WebhookService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The loop closes: what is written or deleted through the OData service becomes a change for the webhooks. */
class WebhookLoopTest {
    @Test
    void writesAndDeletesBecomeOutboundChanges() {
        TypeSystem types = CustomerModels.records();
        InMemoryOutbox outbox = new InMemoryOutbox();
        WebhookService webhooks = WebhookService.builder().outbox(outbox)
                .webhook(WebhookConfiguration.builder(CustomerModels.inboundCustomer(), types, "emarsys")
                        .eventTypes(ChangeType.SAVED, ChangeType.DELETED).target(batch -> List.of()).build())
                .build();
        InboundService service = InboundService.builder().integrationObject(CustomerModels.inboundCustomer(), types)
                .security(Fixtures.security()).webhooks(webhooks).build();
        try (InboundServer server = InboundServer.builder(service).port(0).start()) {
            HttpClientSupport http = new HttpClientSupport(server.url("InboundCustomer"));
            assertThat(http.json("POST", "Customers", "{\"customerId\":\"c1\",\"email\":\"a@x.org\"}").statusCode()).isEqualTo(201);
            assertThat(http.json("POST", "Customers", "{\"customerId\":\"c2\",\"bad\":1}").statusCode()).isEqualTo(400);
            assertThat(outbox.liveCount()).as("the failed POST queued nothing").isEqualTo(1);
            List<OutboxEntry> saved = outbox.claim(10, Instant.now().plusSeconds(60), Duration.ofMinutes(1), "test");
            assertThat(saved.get(0).toString()).contains("SAVED", "key=c1");
            outbox.complete(saved.get(0));
            assertThat(http.send("DELETE", "Customers('c1')", "").statusCode()).isEqualTo(200);
            List<OutboxEntry> deleted = outbox.claim(10, Instant.now().plusSeconds(60), Duration.ofMinutes(1), "test");
            assertThat(deleted).hasSize(1);
            assertThat(deleted.get(0).toString()).contains("DELETED", "key=c1");
        }
        webhooks.close();
    }
}
