package dev.ioflow.webhook.spi;

import java.util.List;

/**
 * Wraps every call of a webhook's {@link DeliveryTarget}: to observe or trace deliveries, or to adjust what is sent
 * (for example the {@link Delivery#headers()} a tracer rewrites to name its delivery span). Interceptors run in the
 * order they were added to the service, the first outermost; the last one's {@link Chain#proceed} calls the target.
 *
 * <pre>{@code
 * DeliveryInterceptor timing = chain -> {
 *     long started = System.nanoTime();
 *     try {
 *         return chain.proceed(chain.batch());
 *     } finally {
 *         log.info("{} took {} ns", chain.webhookId(), System.nanoTime() - started);
 *     }
 * };
 * }</pre>
 *
 * <p>Called on delivery worker threads, several at once: implementations are thread-safe. An exception thrown here
 * fails the batch as a throwing target does (retryable).
 *
 * @since 1.0
 */
@FunctionalInterface
public interface DeliveryInterceptor {

    /**
     * Delivers the chain's batch, normally through {@link Chain#proceed}, and returns one outcome per change, in
     * order.
     *
     * @param chain the batch and the rest of the chain
     * @return the outcomes
     */
    List<DeliveryOutcome> intercept(Chain chain);

    /**
     * One call of a target, as an interceptor sees it.
     *
     * @since 1.0
     */
    interface Chain {
        /** The webhook whose target is called. */
        String webhookId();

        /** The changes of this call (all for the same destination). */
        List<Delivery> batch();

        /**
         * Hands the batch on (to the next interceptor, or the target).
         *
         * @param batch the batch, possibly with changed deliveries; the same size and order as {@link #batch()}
         * @return one outcome per change, in order
         * @throws IllegalArgumentException when the batch's size differs from {@link #batch()}'s
         */
        List<DeliveryOutcome> proceed(List<Delivery> batch);
    }
}
