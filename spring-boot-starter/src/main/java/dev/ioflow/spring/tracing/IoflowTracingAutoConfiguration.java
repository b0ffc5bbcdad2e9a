package dev.ioflow.spring.tracing;

import dev.ioflow.spring.IoflowAutoConfiguration;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures tracing of deliveries when the application has Micrometer Tracing (a {@link Tracer} and a
 * {@link Propagator} bean, as Boot's Brave or OpenTelemetry tracing provides) and an {@link ObservationRegistry}:
 * {@link TracingChangeContext} captures the current span with each change, {@link ObservationDeliveryInterceptor}
 * continues it at delivery and sends the delivery span's {@code traceparent}. {@code ioflow.tracing.enabled=false}
 * turns it off; the webhook service picks both up.
 *
 * @since 1.0
 */
@AutoConfiguration(before = IoflowAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration"})
@ConditionalOnClass({Tracer.class, Propagator.class, ObservationRegistry.class})
@ConditionalOnBean({Tracer.class, Propagator.class, ObservationRegistry.class})
@ConditionalOnProperty(prefix = "ioflow.tracing", name = "enabled", havingValue = "true", matchIfMissing = true)
public class IoflowTracingAutoConfiguration {

    /** Creates the auto-configuration (instantiated by Spring). */
    public IoflowTracingAutoConfiguration() {
    }

    /** Captures the current span with each change. */
    @Bean
    @ConditionalOnMissingBean
    public TracingChangeContext ioflowTracingChangeContext(Tracer tracer, Propagator propagator) {
        return new TracingChangeContext(tracer, propagator);
    }

    /** Observes each delivery as a child of the captured span. */
    @Bean
    @ConditionalOnMissingBean
    public ObservationDeliveryInterceptor ioflowObservationDeliveryInterceptor(ObservationRegistry registry,
                                                                               Tracer tracer, Propagator propagator) {
        return new ObservationDeliveryInterceptor(registry, tracer, propagator);
    }
}
