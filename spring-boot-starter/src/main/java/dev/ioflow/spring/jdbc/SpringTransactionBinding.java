package dev.ioflow.spring.jdbc;

import dev.ioflow.webhook.spi.TransactionBinding;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Finds the JDBC connection of the Spring transaction active on the current thread ({@code @Transactional},
 * {@code TransactionTemplate}) on the outbox's {@link DataSource}, so that the JDBC outbox appends into it: a change
 * is committed with the application's write, and vanishes when it rolls back.
 *
 * <p>Only a transaction that holds a connection of this data source counts (a {@code DataSourceTransactionManager},
 * {@code JdbcTransactionManager}, or a {@code JpaTransactionManager} exposing its JDBC connection): under any other
 * transaction, or none, {@link #currentConnection()} returns null and the change is committed on its own.
 *
 * @since 1.0
 */
public final class SpringTransactionBinding implements TransactionBinding {
    private final DataSource dataSource;

    /**
     * A binding to transactions on this data source.
     *
     * @param dataSource the data source of the JDBC outbox
     */
    public SpringTransactionBinding(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public @Nullable Connection currentConnection() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        // Without a bound holder DataSourceUtils would open a new connection outside the transaction: refuse.
        if (!(TransactionSynchronizationManager.getResource(dataSource) instanceof ConnectionHolder holder)
                || !holder.isSynchronizedWithTransaction()) {
            return null;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        // Only a reference count is released: the connection stays bound until the transaction completes.
        DataSourceUtils.releaseConnection(connection, dataSource);
        try {
            return connection.getAutoCommit() ? null : connection;
        } catch (SQLException e) {
            return null;
        }
    }

    @Override
    public void afterCommit(Runnable action) {
        Objects.requireNonNull(action, "action");
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    @Override
    public String toString() {
        return "SpringTransactionBinding[" + dataSource.getClass().getName() + "]";
    }
}
