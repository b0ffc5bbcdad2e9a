package dev.ioflow.spring.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioflow.spring.Customer;
import dev.ioflow.spring.IoflowAutoConfiguration;
import dev.ioflow.webhook.WebhookService;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * With Boot's Micrometer Tracing (OpenTelemetry bridge, W3C propagation), a delivery continues the trace of the
 * change that caused it: the destination receives a {@code traceparent} of the span active at {@code saved()} time's
 * trace, naming the delivery's own span, observed as {@code ioflow.delivery} with bounded tags.
 */
class IoflowTracingAutoConfigurationTest {
    private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
                    OpenTelemetrySdkAutoConfiguration.class, OpenTelemetryTracingAutoConfiguration.class,
                    MicrometerTracingAutoConfiguration.class, IoflowTracingAutoConfiguration.class,
                    IoflowAutoConfiguration.class))
            .withBean(RecordingHandler.class, () -> new RecordingHandler(stopped))
            .withPropertyValues("management.tracing.sampling.probability=1.0",
                    "ioflow.types=dev.ioflow.spring.Customer",
                    "ioflow.definitions=classpath:ioflow/*.impex",
                    "ioflow.webhooks.customers.integration-object=ioCustomer",
                    "ioflow.webhooks.customers.destination=crm");

    @Test
    void theDestinationReceivesTheTraceOfTheSpanActiveAtSave() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(204).build());
            runner.withPropertyValues("ioflow.destinations.crm.url=" + server.url("/hooks")).run(context -> {
                assertThat(context).hasNotFailed().hasSingleBean(TracingChangeContext.class)
                        .hasSingleBean(ObservationDeliveryInterceptor.class);
                Tracer tracer = context.getBean(Tracer.class);
                WebhookService webhooks = context.getBean(WebhookService.class);
                Span signUp = tracer.nextSpan().name("sign-up").start();
                Tracer.SpanInScope scope = tracer.withSpan(signUp);
                try {
                    webhooks.saved(new Customer("c1", "ada@example.com"));
                } finally {
                    scope.close();
                    signUp.end();
                }

                RecordedRequest request = server.takeRequest(10, TimeUnit.SECONDS);
                assertThat(request).isNotNull();
                String[] traceparent = request.getHeaders().get("traceparent").split("-");
                assertThat(traceparent[1]).isEqualTo(signUp.context().traceId());
                assertThat(traceparent[2]).as("the delivery's own span").isNotEqualTo(signUp.context().spanId());
                assertThat(webhooks.awaitIdle(Duration.ofSeconds(10))).isTrue();
            });
        }
        Observation.Context delivery = stopped.stream()
                .filter(c -> ObservationDeliveryInterceptor.NAME.equals(c.getName())).findFirst().orElseThrow();
        assertThat(delivery.getLowCardinalityKeyValues().stream().map(KeyValue::getKey))
                .containsExactlyInAnyOrder("ioflow.webhook", "ioflow.integration.object", "ioflow.destination",
                        "outcome");
        assertThat(delivery.getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("delivered");
        assertThat(delivery.getLowCardinalityKeyValue("ioflow.destination").getValue()).isEqualTo("crm");
        assertThat(delivery.getAllKeyValues().stream().map(KeyValue::getValue)).doesNotContain("c1");
    }

    @Test
    void aChangeMadeOutsideAnySpanStartsANewTraceAtDelivery() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(500).build());
            runner.withPropertyValues("ioflow.destinations.crm.url=" + server.url("/hooks"),
                    "ioflow.retry.max-attempts=1").run(context -> {
                WebhookService webhooks = context.getBean(WebhookService.class);
                webhooks.saved(new Customer("c2", "bob@example.com"));
                RecordedRequest request = server.takeRequest(10, TimeUnit.SECONDS);
                assertThat(request).isNotNull();
                assertThat(request.getHeaders().get("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
                assertThat(webhooks.awaitIdle(Duration.ofSeconds(10))).isTrue();
            });
        }
        assertThat(stopped).filteredOn(c -> ObservationDeliveryInterceptor.NAME.equals(c.getName()))
                .singleElement().extracting(c -> c.getLowCardinalityKeyValue("outcome").getValue())
                .isEqualTo("failed"); // 500 is retryable; the retry policy (one attempt) makes it a dead letter
    }

    @Test
    void backsOffWithoutATracerOrWhenDisabled() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
                        IoflowTracingAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed()
                        .doesNotHaveBean(TracingChangeContext.class));
        runner.withPropertyValues("ioflow.destinations.crm.url=https://crm.example.com", "ioflow.tracing.enabled=false",
                "ioflow.auto-start=false").run(context -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(TracingChangeContext.class).doesNotHaveBean(ObservationDeliveryInterceptor.class));
    }

    /** Keeps every stopped observation's context. */
    record RecordingHandler(List<Observation.Context> stopped) implements ObservationHandler<Observation.Context> {
        @Override
        public void onStop(Observation.Context context) {
            stopped.add(context);
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return true;
        }
    }
}
