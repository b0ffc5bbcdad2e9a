package dev.ioflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.JavaTypeSystem;
import dev.ioflow.core.PayloadRenderer;
import dev.ioflow.destinations.ConsumedDestination;
import dev.ioflow.destinations.Credential;
import dev.ioflow.destinations.DestinationClient;
import dev.ioflow.webhook.ChangeType;
import dev.ioflow.webhook.WebhookConfiguration;
import dev.ioflow.webhook.WebhookService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * The README's HTTP webhook example compiles and works: the code between the {@code README} markers below is the
 * README's snippet (the test checks that the README holds it line for line) and delivers to a local server.
 */
class ReadmeHttpWebhookTest {
    record Customer(String customerID, String contactEmail) {}

    @Test
    void readmeHttpWebhookDeliversTheChangedPayloadAsJson() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().code(204).build());
            server.start();
            String url = server.url("/customers").toString();
            String token = "t0ken";
            Customer customer = new Customer("c1", "c1@example.com");

            // README start: http-webhook
            IntegrationObject ioCustomer = IntegrationObject.builder("ioCustomer")
                    .item("Customer", item -> item.root()
                            .attribute("customerID", a -> a.unique())
                            .attribute("contactEmail"))
                    .build();
            PayloadRenderer renderer = PayloadRenderer.of(ioCustomer, JavaTypeSystem.of(Customer.class));

            // POST each changed Customer as JSON to https://crm.example.com/customers (here: url)
            DestinationClient destinations = DestinationClient.builder()
                    .destination(ConsumedDestination.builder("crm", url).credential(Credential.bearer(token)).build())
                    .build();
            try (WebhookService webhooks = WebhookService.builder()
                    .destinations(destinations)
                    .webhook(WebhookConfiguration.builder(renderer, "crm").eventTypes(ChangeType.SAVED).build())
                    .build()) {
                webhooks.start();
                webhooks.saved(customer);
                webhooks.awaitIdle(Duration.ofSeconds(10));
            }
            // README end: http-webhook

            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            assertThat(request).isNotNull();
            assertThat(request.getMethod()).isEqualTo("POST");
            assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer t0ken");
            assertThat(request.getBody().utf8()).contains("\"customerID\":\"c1\"", "\"contactEmail\":\"c1@example.com\"");
        }
    }

    @Test
    void readmeHoldsTheTestedSnippet() throws IOException {
        String source = Files.readString(Path.of("src/test/java/dev/ioflow/examples/ReadmeHttpWebhookTest.java"),
                StandardCharsets.UTF_8);
        String start = "// README start: http-webhook\n";
        String snippet = source.substring(source.indexOf(start) + start.length(),
                source.indexOf("            // README end: http-webhook"));
        String unindented = snippet.lines().map(l -> l.length() >= 12 ? l.substring(12) : l.strip())
                .reduce("", (a, b) -> a + b + "\n");
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
        assertThat(unindented).contains("WebhookService.builder()");
        assertThat(readme).contains(unindented);
    }
}
