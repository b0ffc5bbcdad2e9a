package dev.ioflow.webhook.spi;

import dev.ioflow.core.PayloadHash;
import dev.ioflow.webhook.ChangeType;
import java.util.Objects;

/**
 * What an {@link Outbox} holds as the newest live (pending or in-flight) change of an ordering key: enough for delta
 * detection to tell whether a new save changes anything.
 *
 * @param changeType  saved or deleted
 * @param payloadHash the hash of the change's payload
 * @since 1.0
 */
public record PendingChange(ChangeType changeType, PayloadHash payloadHash) {

    /** Both parts are required. */
    public PendingChange {
        Objects.requireNonNull(changeType, "changeType");
        Objects.requireNonNull(payloadHash, "payloadHash");
    }

    /** Whether a SAVED payload with this hash would send something new after this change. */
    public boolean differsFrom(PayloadHash savedHash) {
        return changeType == ChangeType.DELETED || !payloadHash.equals(savedHash);
    }
}
