package dev.ioflow.webhook.internal.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work done on one connection.
 *
 * @param <T> the result
 */
@FunctionalInterface
public interface SqlWork<T> {

    /** Does the work; the caller owns the connection and its transaction. */
    T run(Connection connection) throws SQLException;
}
