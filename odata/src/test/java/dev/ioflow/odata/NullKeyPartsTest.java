package dev.ioflow.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.MissingKeyValueException;
import dev.ioflow.core.PayloadRenderer;
import dev.ioflow.core.TypeSystem;
import dev.ioflow.webhook.ChangeType;
import dev.ioflow.webhook.WebhookConfiguration;
import dev.ioflow.webhook.WebhookService;
import dev.ioflow.webhook.memory.InMemoryOutbox;
import dev.ioflow.webhook.spi.Delivery;
import dev.ioflow.webhook.spi.DeliveryOutcome;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One rule for null key values, inbound and outbound alike: an optional primitive key attribute's null is keyed
 * {@code null} beside another key value ({@code k1|null}), so such an item is stored and its change delivered; a
 * single-part key or a key with no value at all is 400 {@code missing_key} inbound and a
 * {@link MissingKeyValueException} outbound. Over map, record and JavaBean items.
 */
class NullKeyPartsTest {
    private static final IntegrationObject BY_ID_AND_NAME = customers("ById", "customerId", "firstName");
    private static final IntegrationObject BY_NAME = customers("ByName", "firstName");
    private static final IntegrationObject BY_NAME_AND_AGE = customers("ByNameAndAge", "firstName", "age");

    private final List<Delivery> delivered = new CopyOnWriteArrayList<>();
    private InboundServer server;
    private WebhookService webhooks;

    static Stream<Arguments> typeSystems() {
        return Stream.of(Arguments.of("maps", CustomerModels.maps()), Arguments.of("records", CustomerModels.records()),
                Arguments.of("beans", CustomerModels.beans()));
    }

    /** Customers keyed by the named attributes; {@code customerId} is mandatory, the others optional. */
    private static IntegrationObject customers(String code, String... keys) {
        List<String> unique = List.of(keys);
        return IntegrationObject.builder(code)
                .item("Customer", i -> {
                    i.root();
                    for (String name : List.of("customerId", "firstName", "age", "email")) {
                        i.attribute(name, a -> a.unique(unique.contains(name)));
                    }
                })
                .build();
    }

    private void start(TypeSystem types) {
        // Customers saved through any of the services are sent keyed as BY_ID_AND_NAME keys them.
        webhooks = WebhookService.builder().outbox(new InMemoryOutbox())
                .webhook(WebhookConfiguration.builder(BY_ID_AND_NAME, types, "crm").eventTypes(ChangeType.SAVED)
                        .target(batch -> {
                            delivered.addAll(batch);
                            return batch.stream().map(d -> DeliveryOutcome.delivered(200, "ok")).toList();
                        }).build())
                .build();
        InboundService.Builder service = InboundService.builder().security(Fixtures.security()).webhooks(webhooks);
        List.of(BY_ID_AND_NAME, BY_NAME, BY_NAME_AND_AGE).forEach(io -> service.integrationObject(io, types));
        server = InboundServer.builder(service.build()).port(0).start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (webhooks != null) {
            webhooks.close();
        }
    }

    private HttpResponse<String> post(IntegrationObject io, String json) {
        return new HttpClientSupport(server.url(io.code())).json("POST", "Customers", json);
    }

    private static void assertMissingKey(HttpResponse<String> response, String innerError, String... messageParts) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("{\"error\":{\"code\":\"missing_key\"", "\"innererror\":\"" + innerError + "\"");
        assertThat(response.body()).contains(messageParts);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typeSystems")
    void aNullOptionalKeyPartBesideAValueIsCreatedAndItsChangeDeliveredKeyedNull(String name, TypeSystem types) {
        start(types);

        HttpResponse<String> created = post(BY_ID_AND_NAME, "{\"customerId\":\"k1\",\"firstName\":null,\"email\":\"k@x.org\"}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"integrationKey\":\"k1|null\"");
        assertThat(webhooks.deliverDue()).isEqualTo(1);
        assertThat(delivered).singleElement().satisfies(d -> {
            assertThat(d.integrationKey()).isEqualTo("k1|null");
            assertThat(new String(d.payload(), StandardCharsets.UTF_8)).contains("k@x.org");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typeSystems")
    void aSinglePartKeyWithoutAValueIsMissingKeyInboundAndMissingKeyValueOutbound(String name, TypeSystem types) {
        start(types);

        assertMissingKey(post(BY_NAME, "{\"customerId\":\"c1\",\"firstName\":null}"), "$.firstName",
                "key attribute 'firstName' of item 'Customer' is null");
        assertMissingKey(post(BY_NAME, "{\"customerId\":\"c1\"}"), "$.firstName", "is missing");
        assertThat(webhooks.outbox().liveCount()).as("nothing stored, nothing queued").isZero();
        Object customer = types.require("Customer").factory().create(Map.of("customerId", "c1"));
        assertThatThrownBy(() -> PayloadRenderer.of(BY_NAME, types).integrationKey(customer))
                .isInstanceOfSatisfying(MissingKeyValueException.class, e -> assertThat(e.path()).isEqualTo("ByName/Customer/firstName"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typeSystems")
    void aKeyWhosePartsAreAllNullIsMissingKeyInboundAndMissingKeyValueOutbound(String name, TypeSystem types) {
        start(types);

        assertMissingKey(post(BY_NAME_AND_AGE, "{\"customerId\":\"c1\",\"firstName\":null,\"age\":null}"), "$.firstName",
                "key attribute 'firstName' of item 'Customer' is null, and so is every other key attribute",
                "key attribute 'age' of item 'Customer' is null");
        assertThat(webhooks.outbox().liveCount()).as("nothing stored, nothing queued").isZero();
        Object customer = types.require("Customer").factory().create(Map.of("customerId", "c1"));
        assertThatThrownBy(() -> PayloadRenderer.of(BY_NAME_AND_AGE, types).integrationKey(customer))
                .isInstanceOfSatisfying(MissingKeyValueException.class, e -> assertThat(e.path()).isEqualTo("ByNameAndAge/Customer/age"));

        HttpResponse<String> aged = post(BY_NAME_AND_AGE, "{\"customerId\":\"c1\",\"age\":41}");
        assertThat(aged.statusCode()).as("one value is enough: " + aged.body()).isEqualTo(201);
        assertThat(aged.body()).contains("\"integrationKey\":\"41|null\"");
        HttpClientSupport http = new HttpClientSupport(server.url(BY_NAME_AND_AGE.code()));
        assertMissingKey(http.json("PATCH", "Customers('41%7Cnull')", "{\"age\":null}"), "$",
                "the payload leaves the item without an integration key");
        assertThat(http.get("Customers('41%7Cnull')").statusCode()).as("the PATCH was rolled back").isEqualTo(200);
    }
}
