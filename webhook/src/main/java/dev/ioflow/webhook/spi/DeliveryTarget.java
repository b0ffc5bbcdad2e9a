package dev.ioflow.webhook.spi;

import java.util.List;

/**
 * Delivers changes somewhere: the default target POSTs each payload to its consumed destination; the Emarsys
 * adapter batches contacts. The delivery worker hands over batches of at most {@link #maxBatchSize()} changes,
 * all for the same destination, never two changes of the same integration key. Several delivery threads call a
 * target at once: implementations are thread-safe.
 *
 * <pre>{@code
 * DeliveryTarget logOnly = batch -> batch.stream()
 *         .map(change -> DeliveryOutcome.delivered(200, "logged " + change.integrationKey()))
 *         .toList();
 * }</pre>
 *
 * @since 0.1
 */
@FunctionalInterface
public interface DeliveryTarget {

    /**
     * Delivers the batch and returns exactly one outcome per change, in the same order. Throwing an exception
     * counts as a retryable failure of every change in the batch.
     */
    List<DeliveryOutcome> deliver(List<Delivery> batch);

    /** The most changes one call may carry (1 = one request per change). */
    default int maxBatchSize() {
        return 1;
    }
}
