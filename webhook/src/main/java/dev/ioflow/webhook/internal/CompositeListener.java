package dev.ioflow.webhook.internal;

import dev.ioflow.webhook.ChangeInfo;
import dev.ioflow.webhook.DeliveryAttempt;
import dev.ioflow.webhook.DestinationHealth;
import dev.ioflow.webhook.WebhookEventListener;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls listeners in order, each call guarded: what a listener throws is logged (WARN, without stack trace; DEBUG
 * with it) and goes no further, so a broken listener never breaks a delivery. Only {@link OutOfMemoryError} passes
 * through (the worker's own handling of it must see it).
 */
public final class CompositeListener extends WebhookEventListener {
    private static final Logger LOG = LoggerFactory.getLogger(CompositeListener.class);
    private final List<WebhookEventListener> listeners;

    /** Calls these, in order. */
    public CompositeListener(WebhookEventListener... listeners) {
        this.listeners = List.of(listeners);
    }

    /** Whether any listener is registered (callers may skip building events otherwise). */
    public boolean isEmpty() {
        return listeners.isEmpty() || listeners.stream().allMatch(l -> l == WebhookEventListener.NONE);
    }

    @Override
    public void changeQueued(ChangeInfo change) {
        each("changeQueued", l -> l.changeQueued(change));
    }

    @Override
    public void deliveryStarted(ChangeInfo change, int attempt) {
        each("deliveryStarted", l -> l.deliveryStarted(change, attempt));
    }

    @Override
    public void delivered(ChangeInfo change, DeliveryAttempt attempt) {
        each("delivered", l -> l.delivered(change, attempt));
    }

    @Override
    public void deliveryFailed(ChangeInfo change, DeliveryAttempt attempt) {
        each("deliveryFailed", l -> l.deliveryFailed(change, attempt));
    }

    @Override
    public void deadLettered(ChangeInfo change, DeliveryAttempt attempt) {
        each("deadLettered", l -> l.deadLettered(change, attempt));
    }

    @Override
    public void destinationDisabled(DestinationHealth health) {
        each("destinationDisabled", l -> l.destinationDisabled(health));
    }

    @Override
    public void destinationEnabled(String destinationId, Instant enabledAt) {
        each("destinationEnabled", l -> l.destinationEnabled(destinationId, enabledAt));
    }

    @Override
    public void workerFailed(String workerName, Throwable error) {
        each("workerFailed", l -> l.workerFailed(workerName, error));
    }

    private void each(String event, Consumer<WebhookEventListener> call) {
        for (WebhookEventListener l : listeners) {
            try {
                call.accept(l);
            } catch (OutOfMemoryError e) {
                throw e;
            } catch (Throwable e) { // NOPMD: a listener's failure of any kind must not reach the delivery
                LOG.warn("webhook event listener {} failed in {}: {}", l.getClass().getName(), event, e.toString());
                LOG.debug("listener failure", e);
            }
        }
    }
}
