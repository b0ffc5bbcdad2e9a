package dev.ioflow.spring.metrics;

import dev.ioflow.webhook.Backlog;
import dev.ioflow.webhook.WebhookService;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;

/**
 * The outbox gauges, read when the registry is scraped: {@code ioflow.outbox.backlog} (changes waiting),
 * {@code ioflow.outbox.oldest.age} (seconds the oldest waiting change has waited) and {@code ioflow.dead.letters}
 * (dead letters, counted up to {@value #DEAD_LETTER_COUNT_LIMIT}). Over the whole outbox, not per destination.
 *
 * @since 1.0
 */
public final class IoflowBacklogMetrics implements MeterBinder {
    /** Dead letters are counted up to this many per scrape. */
    public static final int DEAD_LETTER_COUNT_LIMIT = 1000;

    private final WebhookService webhooks;

    /**
     * Gauges over this service's outbox.
     *
     * @param webhooks the service
     */
    public IoflowBacklogMetrics(WebhookService webhooks) {
        this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("ioflow.outbox.backlog", webhooks, w -> w.backlog().liveCount())
                .description("Changes waiting in the outbox").register(registry);
        Gauge.builder("ioflow.outbox.oldest.age", webhooks, w -> seconds(w.backlog()))
                .description("Seconds the oldest waiting change has waited").baseUnit("seconds").register(registry);
        Gauge.builder("ioflow.dead.letters", webhooks, w -> w.deadLetters(DEAD_LETTER_COUNT_LIMIT).size())
                .description("Dead letters (counted up to " + DEAD_LETTER_COUNT_LIMIT + ")").register(registry);
    }

    private static double seconds(Backlog backlog) {
        return backlog.oldestAge().toNanos() / 1e9;
    }
}
