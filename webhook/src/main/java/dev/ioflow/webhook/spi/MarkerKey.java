package dev.ioflow.webhook.spi;

import java.util.Objects;

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
}
