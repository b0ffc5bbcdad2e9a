package dev.ioflow.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.MapTypeSystem;
import dev.ioflow.core.PayloadRenderer;
import dev.ioflow.core.ValueKind;
import dev.ioflow.destinations.ConsumedDestination;
import dev.ioflow.destinations.DestinationClient;
import io.cloudevents.CloudEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SAP parity of what the default HTTP target sends: event types Created/Updated/Deleted with consolidation, child
 * saves reaching their root, deletes as OData DELETE, and CloudEvents the official SDK reads (time of the change,
 * equal on every redelivery).
 */
class SapEventsTest {
    static final IntegrationObject IO_CUSTOMER = IntegrationObject.builder("ioCustomer")
            .item("Customer", item -> item.root()
                    .attribute("customerID", a -> a.unique())
                    .attribute("contactEmail")
                    .attribute("addresses", a -> a.item("Address").partOf(true)))
            .item("Address", item -> item.attribute("street", a -> a.unique()))
            .build();
    static final MapTypeSystem TYPES = MapTypeSystem.builder()
            .type("Customer", t -> t.attribute("customerID", ValueKind.STRING).attribute("contactEmail", ValueKind.STRING)
                    .reference("addresses", "Address", true))
            .type("Address", t -> t.attribute("street", ValueKind.STRING).reference("owner", "Customer", false))
            .discriminator("itemtype")
            .build();
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    private final ManualClock clock = new ManualClock(T0);
    private final MockWebServer server = new MockWebServer();
    private DestinationClient client;

    @BeforeEach
    void start() throws Exception {
        server.start();
        client = DestinationClient.builder()
                .destination(ConsumedDestination.builder("crm", server.url("/odata2webservices/ioCustomer").toString())
                        .cloudEvents(true).readTimeout(Duration.ofSeconds(5)).build())
                .clock(clock)
                .build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private WebhookService service(WebhookConfiguration.Builder webhook) {
        return WebhookService.builder().clock(clock).destinations(client).webhook(webhook.build())
                .retryPolicy(RetryPolicy.builder().initialDelay(Duration.ofSeconds(10))
                        .jitter(RetryPolicy.Jitter.NONE).build())
                .build();
    }

    private static WebhookConfiguration.Builder webhook() {
        return WebhookConfiguration.builder(PayloadRenderer.of(IO_CUSTOMER, TYPES), "crm")
                .eventTypes(ChangeType.SAVED, ChangeType.DELETED);
    }

    static Map<String, Object> customer(String id, String email) {
        Map<String, Object> c = new HashMap<>();
        c.put("itemtype", "Customer");
        c.put("customerID", id);
        c.put("contactEmail", email);
        c.put("addresses", new ArrayList<Map<String, Object>>());
        return c;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> address(Map<String, Object> owner, String street) {
        Map<String, Object> a = new HashMap<>();
        a.put("itemtype", "Address");
        a.put("street", street);
        a.put("owner", owner);
        ((List<Object>) owner.get("addresses")).add(a);
        return a;
    }

    private void reply(int status) {
        server.enqueue(new MockResponse.Builder().code(status).build());
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).as("a request reached the server").isNotNull();
        return request;
    }

    private static String body(RecordedRequest request) {
        return request.getBody() == null ? "" : request.getBody().utf8();
    }

    private void drain(WebhookService service) {
        while (service.deliverDue() > 0) {
            // deliver until nothing is due
        }
    }

    @Test
    void eachEventKindHasItsCloudEventsTypeAndTheSdkReadsEveryRequest() throws Exception {
        for (int i = 0; i < 4; i++) {
            reply(200);
        }
        Map<String, Object> c1 = customer("c1", "a@example.com");
        try (WebhookService service = service(webhook())) {
            service.created(c1);
            drain(service);
            clock.advance(Duration.ofMinutes(1));
            c1.put("contactEmail", "b@example.com");
            service.updated(c1);
            drain(service);
            clock.advance(Duration.ofMinutes(1));
            c1.put("contactEmail", "c@example.com");
            service.saved(c1);
            drain(service);
            clock.advance(Duration.ofMinutes(1));
            service.deleted(c1);
            drain(service);
        }

        List<CloudEvent> events = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            events.add(CloudEventsParsing.parse(take()));
        }
        assertThat(events).extracting(CloudEvent::getType).containsExactly(
                "sap.cx.commerce.ioCustomer.Created.v1", "sap.cx.commerce.ioCustomer.Updated.v1",
                "sap.cx.commerce.ioCustomer.Updated.v1", "sap.cx.commerce.ioCustomer.Deleted.v1");
        assertThat(events).extracting(CloudEvent::getSubject).containsOnly("c1");
        assertThat(events).extracting(CloudEvent::getSource).containsOnly(URI.create("/ioflow"));
        assertThat(events).extracting(e -> e.getTime().toInstant()).containsExactly(
                T0, T0.plusSeconds(60), T0.plusSeconds(120), T0.plusSeconds(180));
        assertThat(events).extracting(CloudEvent::getId).doesNotHaveDuplicates();
        assertThat(new String(events.get(1).getData().toBytes(), StandardCharsets.UTF_8)).contains("b@example.com");
    }

    @Test
    void aRedeliveryKeepsTheIdAndTheTimeOfTheChange() throws Exception {
        server.enqueue(new MockResponse.Builder().code(503).build());
        reply(200);
        try (WebhookService service = service(webhook())) {
            service.saved(customer("c1", "a@example.com"));
            clock.advance(Duration.ofSeconds(3));
            drain(service);
            clock.advance(Duration.ofMinutes(5));
            drain(service);
        }

        CloudEvent first = CloudEventsParsing.parse(take());
        CloudEvent second = CloudEventsParsing.parse(take());
        assertThat(second.getId()).isEqualTo(first.getId());
        assertThat(first.getTime()).isEqualTo(OffsetDateTime.ofInstant(T0, ZoneOffset.UTC));
        assertThat(second.getTime().toInstant()).isEqualTo(T0);
        assertThat(second.getType()).isEqualTo("sap.cx.commerce.ioCustomer.Updated.v1");
    }

    @Test
    void anUpdateWhileTheCreationIsPendingIsSentAsOneCreation() throws Exception {
        reply(200);
        Map<String, Object> c1 = customer("c1", "a@example.com");
        try (WebhookService service = service(webhook())) {
            service.created(c1);
            c1.put("contactEmail", "b@example.com");
            assertThat(service.updated(c1)).isEqualTo(1);
            drain(service);
        }

        RecordedRequest request = take();
        assertThat(CloudEventsParsing.parse(request).getType()).isEqualTo("sap.cx.commerce.ioCustomer.Created.v1");
        assertThat(body(request)).contains("b@example.com");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aCreatedOnlyWebhookIgnoresUpdatesAndPlainSaves() throws Exception {
        reply(200);
        Map<String, Object> c1 = customer("c1", "a@example.com");
        try (WebhookService service = service(webhook().eventTypes(ChangeType.CREATED))) {
            assertThat(service.updated(c1)).isZero();
            assertThat(service.saved(c1)).isZero();
            assertThat(service.deleted(c1)).isZero();
            assertThat(service.created(c1)).isEqualTo(1);
            drain(service);
        }

        assertThat(CloudEventsParsing.parse(take()).getType()).isEqualTo("sap.cx.commerce.ioCustomer.Created.v1");
    }

    @Test
    void fiftyAddressSavesOfOneCustomerSendTheCustomerOnce() throws Exception {
        reply(200);
        reply(200);
        Map<String, Object> c1 = customer("c1", "a@example.com");
        List<Map<String, Object>> addresses = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            addresses.add(address(c1, "Street " + i));
        }
        try (WebhookService service = service(webhook()
                .rootResolver(RootResolver.viaAttribute(TYPES, "Address", "owner")))) {
            assertThat(service.saved(addresses)).isEqualTo(1);
            drain(service);
            addresses.get(7).put("street", "Changed 7");
            assertThat(service.saved(addresses.get(7))).isEqualTo(1);
            assertThat(service.saved(addresses.get(8))).as("nothing changed since").isZero();
            drain(service);
        }

        RecordedRequest first = take();
        CloudEvent event = CloudEventsParsing.parse(first);
        assertThat(event.getType()).isEqualTo("sap.cx.commerce.ioCustomer.Updated.v1");
        assertThat(event.getSubject()).isEqualTo("c1");
        assertThat(body(first)).contains("Street 0").contains("Street 49").startsWith("{\"customerID\":\"c1\"");
        assertThat(body(take())).contains("Changed 7");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    record JavaAddress(String street, Map<String, Object> customer) {
    }

    @Test
    void javaTypedChildrenReachTheirRootsThroughTheirAccessor() throws Exception {
        reply(200);
        reply(200);
        Map<String, Object> c1 = customer("c1", "a@example.com");
        Map<String, Object> c2 = customer("c2", "b@example.com");
        try (WebhookService service = service(webhook()
                .rootResolver(RootResolver.of(JavaAddress.class, JavaAddress::customer)))) {
            assertThat(service.saved(List.of(new JavaAddress("x", c1), new JavaAddress("y", c2),
                    new JavaAddress("z", c1)))).isEqualTo(2);
            assertThat(service.saved("not an item of this webhook")).isZero();
            drain(service);
        }

        assertThat(List.of(CloudEventsParsing.parse(take()).getSubject(), CloudEventsParsing.parse(take()).getSubject()))
                .containsExactly("c1", "c2");
    }

    @Test
    void rootResolversThatFormACycleAreReportedNamingTheWebhook() {
        Map<String, Object> a = new HashMap<>(Map.of("itemtype", "Address", "street", "s"));
        a.put("owner", a);
        WebhookConfiguration config = webhook()
                .rootResolver(item -> item instanceof Map<?, ?> m && m.get("owner") != null ? List.of(m.get("owner"))
                        : List.of())
                .build();

        assertThatThrownBy(() -> config.rootsOf(a)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("webhook 'ioCustomer->crm'").hasMessageContaining("cycle");
    }

    @Test
    void aRootResolverOverAnUnknownAttributeIsRefused() {
        assertThatThrownBy(() -> RootResolver.viaAttribute(TYPES, "Address", "customer"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("root resolver: type 'Address' has no attribute 'customer' (it has [street, owner])");
        assertThatThrownBy(() -> RootResolver.viaAttribute(TYPES, "Adress", "owner"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("root resolver: the type system has no type 'Adress'");
    }

    @Test
    void deletesGoAsODataDeleteToTheEntityWhenTheWebhookSaysSo() throws Exception {
        reply(200);
        reply(204);
        Map<String, Object> c1 = customer("c1", "a@example.com");
        try (WebhookService service = service(webhook().path("Customers").httpDelete(true))) {
            service.saved(c1);
            service.deleted(customer("c2", "b@example.com"));
            drain(service);
        }

        RecordedRequest save = take();
        assertThat(save.getMethod()).isEqualTo("POST");
        assertThat(save.getTarget()).isEqualTo("/odata2webservices/ioCustomer/Customers");
        RecordedRequest delete = take();
        assertThat(delete.getMethod()).isEqualTo("DELETE");
        assertThat(delete.getTarget()).isEqualTo("/odata2webservices/ioCustomer/Customers('c2')");
        assertThat(body(delete)).isEmpty();
        CloudEvent event = CloudEventsParsing.parse(delete);
        assertThat(event.getType()).isEqualTo("sap.cx.commerce.ioCustomer.Deleted.v1");
        assertThat(event.getSubject()).isEqualTo("c2");
    }

    @Test
    void deletesArePostedWithTheirPayloadByDefault() throws Exception {
        reply(200);
        try (WebhookService service = service(webhook())) {
            service.deleted(customer("c2", "b@example.com"));
            drain(service);
        }

        RecordedRequest delete = take();
        assertThat(delete.getMethod()).isEqualTo("POST");
        assertThat(delete.getTarget()).isEqualTo("/odata2webservices/ioCustomer");
        assertThat(body(delete)).contains("b@example.com");
    }

    @Test
    void httpDeleteWithoutAnEntitySetPathIsRefused() {
        assertThatThrownBy(() -> webhook().httpDelete(true).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("webhook 'ioCustomer->crm'").hasMessageContaining("path(..)");
    }

    @Test
    void aCloudEventsSourceThatIsNoUriReferenceIsRefusedWhenConfigured() {
        assertThatThrownBy(() -> HttpDeliveryTarget.builder(client).cloudEventSource("shop|eu"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'shop|eu' is not a URI-reference");
    }

    @Test
    void theEntityPathDoublesQuotesInTheKey() {
        assertThat(HttpDeliveryTarget.entityPath("Customers", "O'Brien|1")).isEqualTo("Customers('O''Brien|1')");
    }
}
