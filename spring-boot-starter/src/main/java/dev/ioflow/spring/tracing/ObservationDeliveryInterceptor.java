package dev.ioflow.spring.tracing;

import dev.ioflow.webhook.spi.Delivery;
import dev.ioflow.webhook.spi.DeliveryInterceptor;
import dev.ioflow.webhook.spi.DeliveryOutcome;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Observes every delivery as an {@value #NAME} observation whose parent is the trace captured with the change
 * ({@link TracingChangeContext}): the observation is a receiver of the change's headers (so Micrometer Tracing's
 * receiver handler makes the captured span its parent), and the headers sent to the destination are rewritten to
 * name the delivery's own span (W3C {@code traceparent}).
 *
 * <p>Low-cardinality keys: {@code ioflow.webhook}, {@code ioflow.integration.object}, {@code ioflow.destination} and
 * {@code outcome} ({@code delivered}, {@code failed} for a retryable failure, {@code rejected} for a permanent one,
 * {@code error} when the target threw); high-cardinality: {@code ioflow.message.id}. Never the integration key.
 * A batch of several changes (Emarsys) gets one observation per change, each ended with that change's outcome.
 *
 * @since 1.0
 */
public final class ObservationDeliveryInterceptor implements DeliveryInterceptor {
    /** The observation's name (a timer of this name, and the span's name, with Boot's handlers). */
    public static final String NAME = "ioflow.delivery";

    private final ObservationRegistry registry;
    private final Tracer tracer;
    private final Propagator propagator;

    /**
     * Observes through {@code registry}, propagating the delivery spans of {@code tracer} with {@code propagator}.
     *
     * @param registry   the application's observation registry (with Boot's tracing handlers)
     * @param tracer     the application's tracer
     * @param propagator the application's propagator
     */
    public ObservationDeliveryInterceptor(ObservationRegistry registry, Tracer tracer, Propagator propagator) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.tracer = Objects.requireNonNull(tracer, "tracer");
        this.propagator = Objects.requireNonNull(propagator, "propagator");
    }

    @Override
    public List<DeliveryOutcome> intercept(Chain chain) {
        List<Delivery> batch = chain.batch();
        List<Observation> observations = new ArrayList<>(batch.size());
        List<Delivery> traced = new ArrayList<>(batch.size());
        for (Delivery change : batch) {
            Observation observation = observation(chain.webhookId(), change).start();
            observations.add(observation);
            // in the observation's scope, the current span is the delivery's: its headers replace the captured ones
            traced.add(observation.scoped(() -> change.newBuilder()
                    .headers(TracingChangeContext.Propagation.headers(tracer, propagator, change.headers()))
                    .build()));
        }
        List<DeliveryOutcome> outcomes;
        try {
            outcomes = chain.proceed(traced);
        } catch (RuntimeException | Error e) {
            observations.forEach(o -> o.lowCardinalityKeyValue("outcome", "error").error(e).stop());
            throw e;
        }
        for (int i = 0; i < observations.size(); i++) {
            DeliveryOutcome outcome = outcomes != null && outcomes.size() == batch.size() ? outcomes.get(i) : null;
            observations.get(i).lowCardinalityKeyValue("outcome", outcome(outcome)).stop();
        }
        return outcomes;
    }

    private Observation observation(String webhookId, Delivery change) {
        ReceiverContext<Map<String, String>> context = new ReceiverContext<>(
                (carrier, name) -> carrier == null ? null : carrier.get(name));
        context.setCarrier(change.headers());
        context.setRemoteServiceName(change.destinationId());
        return Observation.createNotStarted(NAME, () -> context, registry)
                .contextualName("ioflow deliver " + change.integrationObject())
                .lowCardinalityKeyValues(KeyValues.of("ioflow.webhook", webhookId,
                        "ioflow.integration.object", change.integrationObject(),
                        "ioflow.destination", change.destinationId()))
                .highCardinalityKeyValue("ioflow.message.id", change.messageId());
    }

    private static String outcome(DeliveryOutcome outcome) {
        if (outcome instanceof DeliveryOutcome.Delivered) {
            return "delivered";
        }
        if (outcome instanceof DeliveryOutcome.Failed failed) {
            return failed.retryable() ? "failed" : "rejected";
        }
        return "error";
    }
}
