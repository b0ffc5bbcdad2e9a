package dev.ioflow.webhook;

import java.time.Duration;

/**
 * A bounded outbox stayed full for the whole append timeout: the change was not queued. Thrown by
 * {@code saved}/{@code deleted} when the in-memory outbox holds its capacity of live changes (the receiver is
 * down or slower than the application) and none left within the timeout. The caller decides: retry later, shed
 * load, or use a durable outbox whose backlog lives in the database.
 *
 * @since 1.0
 */
public class OutboxFullException extends OutboxStoreException {
    private static final long serialVersionUID = 1L;

    /**
     * The outbox could not take {@code changes} more within {@code waited}.
     *
     * @param capacity the outbox's bound on live changes
     * @param changes  how many changes the append wanted to add
     * @param waited   how long the append waited for room
     */
    public OutboxFullException(int capacity, int changes, Duration waited) {
        super("the in-memory outbox is full: it holds its capacity of " + capacity + " live changes and had no room for "
                + changes + " more after waiting " + waited + "; nothing was queued (deliveries are behind: check "
                + "the destination, raise the capacity, or use a JDBC outbox)");
    }
}
