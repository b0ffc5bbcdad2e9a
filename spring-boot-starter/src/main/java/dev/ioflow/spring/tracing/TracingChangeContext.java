package dev.ioflow.spring.tracing;

import dev.ioflow.webhook.spi.ChangeContext;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Captures the span current when a change is recorded ({@code saved}/{@code deleted}...) as the propagator's headers
 * (W3C: {@code traceparent}, {@code tracestate}, {@code baggage}), so that the change's delivery continues that trace
 * ({@link ObservationDeliveryInterceptor}). Without a current span it captures nothing.
 *
 * @since 1.0
 */
public final class TracingChangeContext implements ChangeContext {
    private final Tracer tracer;
    private final Propagator propagator;

    /**
     * Captures the spans of {@code tracer} through {@code propagator}.
     *
     * @param tracer     the application's tracer
     * @param propagator the application's propagator (W3C or B3, as configured)
     */
    public TracingChangeContext(Tracer tracer, Propagator propagator) {
        this.tracer = Objects.requireNonNull(tracer, "tracer");
        this.propagator = Objects.requireNonNull(propagator, "propagator");
    }

    @Override
    public Map<String, String> capture() {
        return Propagation.headers(tracer, propagator, Map.of());
    }

    @Override
    public String toString() {
        return "TracingChangeContext[" + propagator.fields() + "]";
    }

    /** Writing the current trace context into headers, shared with the delivery interceptor. */
    static final class Propagation {
        private Propagation() {
        }

        /** {@code base} plus the current span's headers ({@code base} itself when there is no current span). */
        static Map<String, String> headers(Tracer tracer, Propagator propagator, Map<String, String> base) {
            TraceContext current = tracer.currentTraceContext().context();
            if (current == null) {
                return base;
            }
            Map<String, String> headers = new LinkedHashMap<>(base);
            propagator.inject(current, headers, (carrier, name, value) -> {
                if (carrier != null) {
                    carrier.put(name, value);
                }
            });
            return headers;
        }
    }
}
