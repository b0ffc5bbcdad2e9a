package dev.ioflow.webhook.internal;

import dev.ioflow.webhook.spi.DeliveryTarget;
import dev.ioflow.webhook.WebhookConfiguration;
import java.util.Objects;

/**
 * A webhook configuration as the service runs it: with its resolved target and its effective batch size.
 *
 * @param config    the configuration
 * @param target    the target (the configuration's, or the default HTTP target)
 * @param batchSize changes per target call
 */
public record Route(WebhookConfiguration config, DeliveryTarget target, int batchSize) {

    /** Requires configuration and target. */
    public Route {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(target, "target");
    }

    /** A route for the configuration, delivering to {@code target}. */
    public static Route of(WebhookConfiguration config, DeliveryTarget target) {
        int targetMax = Math.max(1, target.maxBatchSize());
        int size = config.maxBatchSize() == 0 ? targetMax : Math.min(config.maxBatchSize(), targetMax);
        return new Route(config, target, size);
    }

    /** The webhook id. */
    public String id() {
        return config.id();
    }

    /** Whether outbound syncs remember what they saw, to send deletes for items that disappear. */
    public boolean synced() {
        return config.synchronizeDeletes();
    }
}
