package dev.ioflow.webhook.spi;

import java.sql.Connection;
import java.util.List;

/**
 * An {@link Outbox} that can append into the application's own JDBC transaction, so that an application's write
 * and the changes it causes commit or roll back together (the transactional outbox pattern). The JDBC outbox
 * implements it.
 *
 * @since 1.0
 */
public interface TransactionalOutbox extends Outbox {

    /**
     * Stores the entries (ids are assigned) in the caller's transaction on {@code connection}, coalescing as
     * {@link #append(List)} does. Nothing is committed: the entries become visible to workers when the caller
     * commits (workers that sleep find them at their next poll, unless told of the commit with
     * {@link dev.ioflow.webhook.WebhookService#changesCommitted()}), and vanish when it rolls back. The connection
     * must not be in auto-commit mode and must reach the outbox's database.
     */
    void append(List<OutboxEntry> entries, Connection connection);
}
