package dev.ioflow.webhook.internal.jdbc;

import dev.ioflow.core.monitoring.MonitorOutcome;
import dev.ioflow.core.monitoring.MonitorQuery;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What {@link JdbcMonitorStore} needs to know of a monitoring table: its columns, how a record maps to them, and
 * which rows a query selects. The table has an identity column {@code id} and a {@code status} column besides.
 *
 * @param <R> the record type
 * @param <Q> the query type
 */
public interface MonitorTable<R, Q extends MonitorQuery<R>> {

    /** The table's name, with its prefix. */
    String table();

    /** The columns an insert writes and a select reads after {@code id}, comma-separated. */
    String columns();

    /** The column holding the record's time, which orders the records, bounds time queries and ages them. */
    String timeColumn();

    /** The {@code status} values of the records of an outcome, as a list of SQL literals. */
    String statuses(MonitorOutcome outcome);

    /** Binds a record's columns, in {@link #columns()} order, as parameters 1 to n. */
    void bind(PreparedStatement insert, R record) throws SQLException;

    /** The record of a row: {@code id} in column 1, then the {@link #columns()}. */
    R read(ResultSet row) throws SQLException;

    /** The rows the query's criteria select. */
    SqlCriteria criteria(Q query);
}
