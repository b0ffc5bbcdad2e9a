package dev.ioflow.spring.actuate;

import dev.ioflow.destinations.ConsumedDestination;
import dev.ioflow.destinations.DestinationRegistry;
import dev.ioflow.webhook.WebhookService;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * ioflow's health: the outbox backlog (changes waiting), the dead letters (counted up to
 * {@value #DEAD_LETTER_COUNT_LIMIT}) and each destination with whether it is active. DOWN when the backlog or the
 * dead letters exceed their limits ({@code ioflow.health.max-backlog}, {@code ioflow.health.max-dead-letters};
 * negative for none, the default), or when the outbox cannot be read.
 *
 * @since 1.0
 */
public final class IoflowHealthIndicator extends AbstractHealthIndicator {
    /** Dead letters are counted up to this many (reading them all could be costly). */
    public static final int DEAD_LETTER_COUNT_LIMIT = 1000;

    private final WebhookService webhooks;
    private final DestinationRegistry destinations;
    private final long maxBacklog;
    private final int maxDeadLetters;

    /**
     * A health indicator over this service and registry.
     *
     * @param webhooks       the service whose outbox is reported
     * @param destinations   the destinations reported
     * @param maxBacklog     DOWN above this many waiting changes; negative for no limit
     * @param maxDeadLetters DOWN above this many dead letters; negative for no limit
     */
    public IoflowHealthIndicator(WebhookService webhooks, DestinationRegistry destinations, long maxBacklog,
                                 int maxDeadLetters) {
        super("ioflow health check failed");
        this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
        this.destinations = Objects.requireNonNull(destinations, "destinations");
        this.maxBacklog = maxBacklog;
        this.maxDeadLetters = maxDeadLetters;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        long backlog = webhooks.outbox().liveCount();
        int deadLetters = webhooks.deadLetters(DEAD_LETTER_COUNT_LIMIT).size();
        Map<String, String> destinationStates = new LinkedHashMap<>();
        for (ConsumedDestination d : destinations.all()) {
            destinationStates.put(d.id(), d.active() ? "active" : "inactive");
        }
        boolean down = (maxBacklog >= 0 && backlog > maxBacklog)
                || (maxDeadLetters >= 0 && deadLetters > maxDeadLetters);
        (down ? builder.down() : builder.up())
                .withDetail("backlog", backlog)
                .withDetail("deadLetters", deadLetters >= DEAD_LETTER_COUNT_LIMIT
                        ? DEAD_LETTER_COUNT_LIMIT + "+" : deadLetters)
                .withDetail("destinations", destinationStates);
    }
}
