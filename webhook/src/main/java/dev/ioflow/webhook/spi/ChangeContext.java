package dev.ioflow.webhook.spi;

import java.util.Map;

/**
 * Captures the caller's context (a trace, a tenant, a correlation id...) when a change is recorded, as a few
 * header-like entries that travel with the change through the outbox (in memory or JDBC) to its delivery, where
 * {@link Delivery#headers()} carries them and {@link DeliveryInterceptor}s may restore the context. The default HTTP
 * target sends them as request headers, so that, with a tracing propagator, the destination receives the W3C
 * {@code traceparent} of the change that caused the call.
 *
 * <pre>{@code
 * // Micrometer Tracing: the current span as traceparent (and tracestate, baggage)
 * ChangeContext traces = () -> {
 *     Map<String, String> headers = new LinkedHashMap<>();
 *     TraceContext current = tracer.currentTraceContext().context();
 *     if (current != null) {
 *         propagator.inject(current, headers, Map::put);
 *     }
 *     return headers;
 * };
 * WebhookService.builder().changeContext(traces)...
 * }</pre>
 *
 * <p>Called on the thread that calls {@code saved}/{@code deleted}/... (or runs a sync), once per change; keep it
 * cheap and small (names are HTTP header names, values single-line ASCII; the whole is stored with each change).
 *
 * @since 1.0
 */
@FunctionalInterface
public interface ChangeContext {
    /** Captures nothing (the default). */
    ChangeContext NONE = Map::of;

    /**
     * The current context as header names and values; empty when there is none.
     *
     * @return the entries, never null
     */
    Map<String, String> capture();
}
