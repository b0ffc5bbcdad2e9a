package dev.ioflow.webhook.internal.jdbc;

import dev.ioflow.webhook.jdbc.JdbcDialect;
import dev.ioflow.webhook.OutboxStoreException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the JDBC stores share: the user's data source, the dialect, the table prefix, and running work on a
 * connection with the exception translation the stores promise.
 *
 * @param dataSource  the user's data source (their pool)
 * @param dialect     the database's dialect
 * @param tablePrefix prefix of every table and index name
 * @param checkpointCommits whether each commit is followed by {@code CHECKPOINT} (a file-based H2 database with a
 *                    write delay, see {@link H2Durability})
 */
public record JdbcStore(DataSource dataSource, JdbcDialect dialect, String tablePrefix, boolean checkpointCommits) {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcStore.class);

    /** The prefix of the tables the shipped schema files create. */
    public static final String DEFAULT_PREFIX = "ioflow_";

    /** Short enough that the longest derived name stays within PostgreSQL's 63-character identifiers. */
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,39}");

    /** Validates the settings. */
    public JdbcStore {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(dialect, "dialect");
        requireValidPrefix(tablePrefix);
    }

    /**
     * Opens a store: validates the prefix, detects the dialect when it is null, and creates the schema when asked.
     *
     * @param dataSource   the user's data source
     * @param dialect      the dialect, or null to detect it from the connection's metadata
     * @param tablePrefix  prefix of every table and index name
     * @param createSchema whether to run the shipped, idempotent DDL
     */
    public static JdbcStore open(DataSource dataSource, JdbcDialect dialect, String tablePrefix,
                                 boolean createSchema) {
        return open(dataSource, dialect, tablePrefix, createSchema, SchemaScript::load);
    }

    /**
     * Opens a store whose tables are defined by another script than the outbox's.
     *
     * @param schema loads the script for a dialect and a prefix
     * @see #open(DataSource, JdbcDialect, String, boolean)
     */
    public static JdbcStore open(DataSource dataSource, JdbcDialect dialect, String tablePrefix,
                                 boolean createSchema, BiFunction<JdbcDialect, String, SchemaScript> schema) {
        Objects.requireNonNull(dataSource, "dataSource");
        requireValidPrefix(tablePrefix);
        JdbcDialect resolved = dialect != null ? dialect : detect(dataSource, tablePrefix);
        boolean checkpoint = false;
        if (resolved == JdbcDialect.H2) {
            H2Durability durability = H2Durability.of(dataSource, tablePrefix + "*");
            if (durability.warning() != null) {
                LOG.warn(durability.warning());
            }
            checkpoint = durability.checkpointCommits();
        }
        JdbcStore store = new JdbcStore(dataSource, resolved, tablePrefix, checkpoint);
        if (createSchema) {
            SchemaScript script = schema.apply(resolved, tablePrefix);
            store.inTransaction("create schema", tablePrefix + "*", connection -> {
                if (resolved == JdbcDialect.POSTGRESQL) {
                    lockSchemaCreation(connection, tablePrefix);
                }
                return script.apply(connection);
            });
        }
        return store;
    }

    /**
     * PostgreSQL's {@code CREATE … IF NOT EXISTS} is not safe against itself: instances starting together fail with
     * a unique violation in the catalog. A transaction-scoped advisory lock per prefix lets one create at a time.
     */
    private static void lockSchemaCreation(Connection connection, String tablePrefix) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, ("ioflow schema " + tablePrefix).hashCode());
            lock.executeQuery().close();
        }
    }

    /** The full name of one of the ioflow tables, such as {@code "outbox"}. */
    public String table(String baseName) {
        return tablePrefix + baseName;
    }

    /** Runs the work in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(String operation, String table, SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            T result;
            try {
                result = work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, autoCommit, e);
                throw e;
            }
            if (checkpointCommits) {
                // committed; written to the file before this returns (a failure here is reported, not rolled back)
                try (Statement checkpoint = connection.createStatement()) {
                    checkpoint.execute("CHECKPOINT");
                }
            }
            // A pooled connection goes back as it came.
            connection.setAutoCommit(autoCommit);
            return result;
        } catch (SQLException e) {
            throw new OutboxStoreException(operation, table, e);
        }
    }

    /**
     * Runs work that makes exactly one {@code execute} call as that call's own transaction, in auto-commit mode: no
     * {@code BEGIN} and no separate {@code COMMIT} round trip. On PostgreSQL the statements the driver sends together
     * for that call (a multi-statement text, up to one Sync) form one implicit transaction, which PostgreSQL commits
     * (flushed as any commit) before it answers: atomic and durable like {@link #inTransaction}, in one round trip.
     * A connection the pool hands out with auto-commit off gets it back off.
     */
    public <T> T inImplicitTransaction(String operation, String table, SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            if (!autoCommit) {
                connection.setAutoCommit(true);
            }
            try {
                return work.run(connection);
            } finally {
                if (!autoCommit) {
                    connection.setAutoCommit(false);
                }
            }
        } catch (SQLException e) {
            throw new OutboxStoreException(operation, table, e);
        }
    }

    /** Runs one statement that changes rows, in its own transaction; returns the number of rows changed. */
    public int update(String operation, String table, String sql, StatementBinder binder) {
        return inTransaction(operation, table, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                binder.bind(statement);
                return statement.executeUpdate();
            }
        });
    }

    /** Rolls back and restores auto-commit, keeping the original failure the one that is thrown. */
    private static void rollbackQuietly(Connection connection, boolean autoCommit, Exception failure) {
        try {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        } catch (SQLException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }

    private static JdbcDialect detect(DataSource dataSource, String tablePrefix) {
        String product;
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            product = metaData.getDatabaseProductName();
        } catch (SQLException e) {
            throw new OutboxStoreException("detect the database dialect", tablePrefix + "*", e);
        }
        if ("H2".equalsIgnoreCase(product)) {
            return JdbcDialect.H2;
        }
        if ("PostgreSQL".equalsIgnoreCase(product)) {
            return JdbcDialect.POSTGRESQL;
        }
        throw new OutboxStoreException("unsupported database '" + product
                + "': the JDBC outbox and marker store support H2 and PostgreSQL");
    }

    private static void requireValidPrefix(String tablePrefix) {
        Objects.requireNonNull(tablePrefix, "tablePrefix");
        if (!PREFIX.matcher(tablePrefix).matches()) {
            throw new IllegalArgumentException("table prefix '" + tablePrefix
                    + "' must be a plain SQL identifier of at most 40 letters, digits and underscores");
        }
    }
}
