package dev.ioflow.webhook.internal;

import dev.ioflow.webhook.spi.DeliveryTarget;
import dev.ioflow.webhook.WebhookConfiguration;
import java.util.Objects;

/**
 * A webhook configuration as the service runs it: with its resolved target, its effective batch size and, when it
 * synchronizes deletes, the memory of what the last sync saw.
 *
 * @param config    the configuration
 * @param target    the target (the configuration's, or the default HTTP target)
 * @param batchSize changes per target call
 * @param synced    what sync saw, or null when the webhook does not synchronize deletes
 */
public record Route(WebhookConfiguration config, DeliveryTarget target, int batchSize, SyncMemory synced) {

    /** Requires configuration and target. */
    public Route {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(target, "target");
    }

    /** A route for the configuration, delivering to {@code target}. */
    public static Route of(WebhookConfiguration config, DeliveryTarget target) {
        int targetMax = Math.max(1, target.maxBatchSize());
        int size = config.maxBatchSize() == 0 ? targetMax : Math.min(config.maxBatchSize(), targetMax);
        return new Route(config, target, size, config.synchronizeDeletes() ? new SyncMemory() : null);
    }

    /** The webhook id. */
    public String id() {
        return config.id();
    }
}
