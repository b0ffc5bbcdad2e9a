package dev.ioflow.webhook.spi;

import java.sql.Connection;
import org.jspecify.annotations.Nullable;

/**
 * Finds the JDBC transaction bound to the current thread, so that {@code saved}/{@code deleted} write their changes
 * into it without the application passing a connection around. A framework integration implements it (the Spring
 * starter with {@code DataSourceUtils} and {@code TransactionSynchronizationManager}); without one, changes are
 * committed on their own.
 *
 * @since 1.0
 */
public interface TransactionBinding {

    /**
     * The connection of the transaction active on this thread, on the outbox's database; null when there is none
     * (the change is then committed on its own). The caller does not close it.
     */
    @Nullable Connection currentConnection();

    /**
     * Runs {@code action} after the current transaction commits (not after a rollback). Called only after
     * {@link #currentConnection()} returned a connection on the same thread.
     */
    void afterCommit(Runnable action);
}
