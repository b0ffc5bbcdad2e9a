package dev.ioflow.destinations;

import static dev.ioflow.destinations.TestSupport.cloudEventOf;
import static dev.ioflow.destinations.TestSupport.ok;
import static dev.ioflow.destinations.TestSupport.take;
import static dev.ioflow.destinations.TestSupport.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, item 7: {@code ce-source} must be a URI-reference, {@code ce-time} is the caller's event time (the same
 * on every redelivery), and the official CloudEvents SDK reads every attribute back.
 */
class CloudEventsTest extends MockServerTest {
    private static final Instant CHANGED = Instant.parse("2026-02-03T04:05:06.789Z");

    private DestinationClient client(Instant now) {
        return DestinationClient.builder()
                .destination(ConsumedDestination.builder("crm", url(server, "/")).cloudEvents(true).build())
                .clock(new MutableClock(now))
                .build();
    }

    private static DestinationRequest request(String messageId) {
        return DestinationRequest.builder().messageId(messageId).json("{\"id\":\"C-1\"}")
                .cloudEvent(CloudEvent.builder("sap.cx.commerce.ioCustomer.Created.v1", "urn:ioflow:shop:eu")
                        .subject("C-1").time(CHANGED).build())
                .build();
    }

    @Test
    void eventTimeIsTheCallersTimeOnEveryRedeliveryAndTheSdkReadsEveryAttribute() throws Exception {
        server.enqueue(TestSupport.status(503));
        server.enqueue(ok("{}"));

        client(Instant.parse("2026-02-03T05:00:00Z")).send("crm", request("m-1"));
        client(Instant.parse("2026-02-03T06:00:00Z")).send("crm", request("m-1"));

        for (int attempt = 0; attempt < 2; attempt++) {
            RecordedRequest sent = take(server);
            assertThat(sent.getHeaders().get("ce-time")).isEqualTo("2026-02-03T04:05:06.789Z");
            io.cloudevents.CloudEvent event = cloudEventOf(sent);
            assertThat(event.getId()).isEqualTo("m-1");
            assertThat(event.getType()).isEqualTo("sap.cx.commerce.ioCustomer.Created.v1");
            assertThat(event.getSource()).hasToString("urn:ioflow:shop:eu");
            assertThat(event.getSubject()).isEqualTo("C-1");
            assertThat(event.getTime()).isEqualTo(OffsetDateTime.parse("2026-02-03T04:05:06.789Z"));
            assertThat(event.getDataContentType()).startsWith("application/json");
            assertThat(event.getData().toBytes()).isEqualTo("{\"id\":\"C-1\"}".getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void withoutAnEventTimeTheSendTimeIsWrittenInRfc3339() throws Exception {
        server.enqueue(ok("{}"));

        client(Instant.parse("2026-02-03T05:00:00Z")).send("crm", DestinationRequest.builder().json("{}")
                .cloudEvent("sap.cx.commerce.ioCustomer.Updated.v1", "/ioflow", null).build());

        io.cloudevents.CloudEvent event = cloudEventOf(take(server));
        assertThat(event.getTime()).isEqualTo(OffsetDateTime.parse("2026-02-03T05:00:00Z"));
        assertThat(event.getSubject()).isNull();
    }

    @Test
    void sourceThatIsNoUriReferenceIsRejectedWhenConfigured() {
        assertThatThrownBy(() -> CloudEvent.requireValidSource("shop|eu"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CloudEvents source 'shop|eu' is not a URI-reference (RFC 3986): character '|' at index 4"
                        + " is not allowed (percent-encode it)");
        assertThatThrownBy(() -> CloudEvent.builder("t", "/shop eu")).hasMessageContaining("character ' ' at index 5");
        assertThatThrownBy(() -> CloudEvent.builder("t", "/caf\u00e9")).hasMessageContaining("character U+00E9 at index 4");
        assertThatThrownBy(() -> CloudEvent.builder("t", "/100%")).hasMessageContaining("'%' at index 4 is not followed by two hex digits");
        assertThatThrownBy(() -> CloudEvent.builder("t", "")).hasMessageContaining("it is empty");
        assertThatThrownBy(() -> DestinationRequest.builder().cloudEvent("t", "shop|eu", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void validSourcesOfEveryShapeAreAcceptedAndTheSdkReadsThem() throws Exception {
        String[] sources = {"/ioflow", "urn:ioflow:shop", "https://shop.example.com/eu?x=1#f", "shop-eu", "//shop.example.com",
            "/a%20b", "mailto:ops@example.com"};
        for (String source : sources) {
            server.enqueue(ok("{}"));
            client(CHANGED).send("crm", DestinationRequest.builder().json("{}")
                    .cloudEvent(CloudEvent.builder("t.v1", source).build()).build());
            // The HTTP binding percent-encodes '%' in header values; a receiver decodes it back.
            assertThat(percentDecoded(cloudEventOf(take(server)).getSource().toString())).isEqualTo(source);
        }
    }

    @Test
    void eventTimesThatRfc3339CannotWriteAreRejected() {
        assertThatThrownBy(() -> CloudEvent.builder("t", "/s").time(Instant.parse("+10000-01-01T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside the years 0000-9999");
        assertThatThrownBy(() -> CloudEvent.builder(" ", "/s")).hasMessage("CloudEvent type must not be blank");
    }

    @Test
    void eventIsAValueWithABuilderCopy() {
        CloudEvent event = CloudEvent.builder("t", "/s").subject("k").time(CHANGED).build();

        assertThat(event.newBuilder().build()).isEqualTo(event).hasSameHashCodeAs(event);
        assertThat(event.newBuilder().subject(null).build().subject()).isNull();
        assertThat(DestinationRequest.builder().cloudEvent(event).build().cloudEvent()).isEqualTo(event);
    }

    /** Percent-decoding as the CloudEvents HTTP binding asks of receivers (no '+' for space). */
    static String percentDecoded(String value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 2 < value.length()) {
                out.write(Integer.parseInt(value.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
