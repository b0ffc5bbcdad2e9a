package dev.ioflow.testing.monitoring;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Where a JDBC store contract test keeps its tables: a private in-memory H2 database, or tables of a random prefix on
 * the PostgreSQL server that {@code IOFLOW_TEST_POSTGRES_URL} names, dropped after the test.
 */
final class TestDatabase {
    private final DataSource dataSource;
    private final String prefix;

    private TestDatabase(DataSource dataSource, String prefix) {
        this.dataSource = dataSource;
        this.prefix = prefix;
    }

    /** A new, empty in-memory H2 database, kept until the JVM ends. */
    static TestDatabase h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:ioflow_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
        return new TestDatabase(h2, "ioflow_");
    }

    /** A new table prefix on the PostgreSQL test server, its connections reused. */
    static TestDatabase postgres() {
        PGSimpleDataSource server = new PGSimpleDataSource();
        server.setURL(System.getenv("IOFLOW_TEST_POSTGRES_URL"));
        return new TestDatabase(new ReusingDataSource(server),
                "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "_");
    }

    DataSource dataSource() {
        return dataSource;
    }

    String prefix() {
        return prefix;
    }

    /** Drops the tables of these base names and closes idle connections. */
    void drop(String... tables) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : tables) {
                statement.execute("DROP TABLE IF EXISTS " + prefix + table);
            }
        }
        if (dataSource instanceof ReusingDataSource reusing) {
            reusing.closeAll();
        }
    }
}
