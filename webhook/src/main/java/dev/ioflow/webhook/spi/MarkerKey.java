package dev.ioflow.webhook.spi;

import dev.ioflow.core.PayloadHash;
import dev.ioflow.webhook.ChangeType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Identifies what a version marker is kept for: one integration key of one integration object, as delivered to one
 * destination.
 *
 * @param integrationObject the integration object's code
 * @param destinationId     the destination's id
 * @param integrationKey    the item's integration key
 * @since 0.1
 */
public record MarkerKey(String integrationObject, String destinationId, String integrationKey) {

    /** All parts are required. */
    public MarkerKey {
        Objects.requireNonNull(integrationObject, "integrationObject");
        Objects.requireNonNull(destinationId, "destinationId");
        Objects.requireNonNull(integrationKey, "integrationKey");
    }

    /** The marker an outbox entry's delivery moves. */
    public static MarkerKey of(OutboxEntry entry) {
        return new MarkerKey(entry.integrationObject(), entry.destinationId(), entry.integrationKey());
    }

    /**
     * The marker changes that these settlements' completions make, in order: a delivered save's payload hash, or
     * null (remove the marker) for a delivered delete. Reschedules and dead letters change no marker.
     *
     * @since 1.0
     */
    public static Map<MarkerKey, @Nullable PayloadHash> deliveredBy(List<Settlement> settlements) {
        Map<MarkerKey, @Nullable PayloadHash> changes = new LinkedHashMap<>();
        for (Settlement settlement : settlements) {
            if (settlement.kind() == Settlement.Kind.COMPLETED) {
                OutboxEntry e = settlement.entry();
                changes.put(of(e), e.changeType() == ChangeType.DELETED ? null : e.payloadHash());
            }
        }
        return changes;
    }
}
