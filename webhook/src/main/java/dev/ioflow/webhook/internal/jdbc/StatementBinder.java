package dev.ioflow.webhook.internal.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Sets the parameters of a prepared statement. */
@FunctionalInterface
public interface StatementBinder {

    /** Binds the parameters. */
    void bind(PreparedStatement statement) throws SQLException;
}
