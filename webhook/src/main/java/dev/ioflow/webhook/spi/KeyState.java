package dev.ioflow.webhook.spi;

import dev.ioflow.core.PayloadHash;
import org.jspecify.annotations.Nullable;

/**
 * What delta detection compares one save with: the newest live change of the item's key in the outbox, and the
 * version marker of the key's last delivery. Read by {@link Outbox#keyState(String, MarkerKey, VersionMarkerStore)}.
 *
 * @param newestLive the newest live (pending or in-flight) change of the key; null when none is on its way
 * @param marker     the payload hash of the key's last delivered save; null when there is none
 * @since 1.0
 */
public record KeyState(@Nullable PendingChange newestLive, @Nullable PayloadHash marker) {
}
