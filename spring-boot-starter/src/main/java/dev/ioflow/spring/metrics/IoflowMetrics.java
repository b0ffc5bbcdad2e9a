package dev.ioflow.spring.metrics;

import dev.ioflow.webhook.ChangeInfo;
import dev.ioflow.webhook.DeliveryAttempt;
import dev.ioflow.webhook.WebhookEventListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/**
 * Records what the webhook service does as Micrometer meters; registered as the service's
 * {@link WebhookEventListener} and bound to every registry of the application (it is a {@link MeterBinder}).
 *
 * <ul>
 *   <li>{@code ioflow.changes.queued} (counter): changes appended to the outbox;</li>
 *   <li>{@code ioflow.deliveries} (counter, tag {@code outcome} = delivered, retry, dead_letter): attempts by
 *       outcome;</li>
 *   <li>{@code ioflow.delivery.latency} (timer): from the change's creation to its delivery;</li>
 *   <li>{@code ioflow.delivery.call} (timer, tag {@code outcome}): the duration of each target call;</li>
 *   <li>{@code ioflow.delivery.attempts} (summary, tag {@code outcome} = delivered, dead_letter): attempts a change
 *       took until it was delivered or dead-lettered.</li>
 * </ul>
 * Every meter is tagged {@code webhook}, {@code integration.object} and {@code destination}; never with the
 * integration key (unbounded). The backlog gauges are in {@link IoflowBacklogMetrics}.
 *
 * @since 1.0
 */
public final class IoflowMetrics extends WebhookEventListener implements MeterBinder {
    private final CompositeMeterRegistry registry = new CompositeMeterRegistry();

    /** Meters that reach no registry until {@link #bindTo} is called. */
    public IoflowMetrics() {
    }

    @Override
    public void bindTo(MeterRegistry target) {
        registry.add(target);
    }

    @Override
    public void changeQueued(ChangeInfo change) {
        Counter.builder("ioflow.changes.queued").description("Changes appended to the outbox")
                .tags(tags(change)).register(registry).increment();
    }

    @Override
    public void delivered(ChangeInfo change, DeliveryAttempt attempt) {
        Tags tags = tags(change);
        outcome(tags, "delivered", attempt);
        Timer.builder("ioflow.delivery.latency").description("From a change's creation to its delivery")
                .tags(tags).register(registry).record(attempt.latency());
        attempts(tags, "delivered", attempt);
    }

    @Override
    public void deliveryFailed(ChangeInfo change, DeliveryAttempt attempt) {
        outcome(tags(change), "retry", attempt);
    }

    @Override
    public void deadLettered(ChangeInfo change, DeliveryAttempt attempt) {
        Tags tags = tags(change);
        outcome(tags, "dead_letter", attempt);
        attempts(tags, "dead_letter", attempt);
    }

    private void outcome(Tags tags, String outcome, DeliveryAttempt attempt) {
        Tags withOutcome = tags.and("outcome", outcome);
        Counter.builder("ioflow.deliveries").description("Delivery attempts by outcome")
                .tags(withOutcome).register(registry).increment();
        Timer.builder("ioflow.delivery.call").description("Duration of each target call")
                .tags(withOutcome).register(registry).record(attempt.callDuration());
    }

    private void attempts(Tags tags, String outcome, DeliveryAttempt attempt) {
        DistributionSummary.builder("ioflow.delivery.attempts")
                .description("Attempts a change took until delivered or dead-lettered")
                .tags(tags.and("outcome", outcome)).register(registry).record(attempt.attempt());
    }

    private static Tags tags(ChangeInfo change) {
        return Tags.of("webhook", change.webhookId(), "integration.object", change.integrationObject(),
                "destination", change.destinationId());
    }
}
