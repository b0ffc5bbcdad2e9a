package dev.ioflow.webhook;

import java.time.Instant;
import java.util.Objects;

/**
 * Observes what a {@link WebhookService} does with changes, for metrics, alerts and tracing, without polling.
 * Every method has a no-op default; override what you need. Register one with
 * {@link WebhookService.Builder#eventListener(WebhookEventListener)} (combine several with {@link #composite}).
 *
 * <pre>{@code
 * WebhookService.builder().eventListener(new WebhookEventListener() {
 *     @Override
 *     public void delivered(ChangeInfo change, DeliveryAttempt attempt) {
 *         latency.record(attempt.latency());
 *     }
 *
 *     @Override
 *     public void deadLettered(ChangeInfo change, DeliveryAttempt attempt) {
 *         alerts.raise("dead letter for " + change.integrationKey() + ": " + attempt.detail());
 *     }
 * })...
 * }</pre>
 *
 * <p>Calls come from the threads doing the work (the caller of {@code saved}, delivery workers), synchronously:
 * keep them fast and non-blocking. A listener may be called from several threads at once. An exception thrown by a
 * listener is logged and otherwise ignored: it never breaks or delays a delivery. Arguments never carry payloads
 * or credentials.
 *
 * @since 1.0
 */
public abstract class WebhookEventListener {

    /** A listener that ignores everything (the default). */
    public static final WebhookEventListener NONE = new WebhookEventListener() {
    };

    /** For subclasses. */
    protected WebhookEventListener() {
    }

    /**
     * A change is in the outbox (durable when the outbox is); called after the append. A pending change of the
     * same key may have been replaced by it (coalescing).
     */
    public void changeQueued(ChangeInfo change) {
    }

    /** A worker is about to hand the change to its target. */
    public void deliveryStarted(ChangeInfo change, int attempt) {
    }

    /** The target accepted the change. */
    public void delivered(ChangeInfo change, DeliveryAttempt attempt) {
    }

    /** The attempt failed and a retry is scheduled at {@link DeliveryAttempt#nextAttemptAt()}. */
    public void deliveryFailed(ChangeInfo change, DeliveryAttempt attempt) {
    }

    /** The attempt failed for good (not retryable, or retries exhausted): the change is a dead letter. */
    public void deadLettered(ChangeInfo change, DeliveryAttempt attempt) {
    }

    /**
     * A destination kept failing for the configured period and was disabled: its changes now wait in the outbox
     * instead of being attempted (and dead-lettered).
     */
    public void destinationDisabled(DestinationHealth health) {
    }

    /** A disabled destination was enabled again; its waiting changes are due now. */
    public void destinationEnabled(String destinationId, Instant enabledAt) {
    }

    /**
     * A delivery worker hit an error it could not handle in the pass (an {@link Error} such as
     * {@link OutOfMemoryError}, or a failure of the outbox). The worker logs it, pauses and goes on; the
     * service's {@link WebhookService#health()} reports it.
     */
    public void workerFailed(String workerName, Throwable error) {
    }

    /** A listener that calls each of the given ones in order (each call guarded separately). */
    public static WebhookEventListener composite(WebhookEventListener... listeners) {
        for (WebhookEventListener l : listeners) {
            Objects.requireNonNull(l, "listener");
        }
        return new dev.ioflow.webhook.internal.CompositeListener(listeners.clone());
    }
}
