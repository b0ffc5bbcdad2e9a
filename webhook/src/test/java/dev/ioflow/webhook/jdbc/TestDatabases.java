package dev.ioflow.webhook.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;

/** Databases for the JDBC store tests: H2 in memory or in a file, and the PostgreSQL server CI starts. */
public final class TestDatabases {
    public static final String POSTGRES_URL_VARIABLE = "IOFLOW_TEST_POSTGRES_URL";
    public static final String NO_POSTGRES =
            "IOFLOW_TEST_POSTGRES_URL is not set: no PostgreSQL server to test against (.ci/run starts one)";

    private TestDatabases() {
    }

    /** A private in-memory H2 database that lives until the JVM exits. */
    public static DataSource h2InMemory() {
        return h2("jdbc:h2:mem:ioflow_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
    }

    /** The URL options the README recommends for a file-based H2 outbox. */
    public static final String H2_FILE_OPTIONS = ";RETENTION_TIME=0";

    /** An H2 database in a file, writing each commit at once: what one process commits, the next one reads. */
    static DataSource h2File(Path file) {
        return h2("jdbc:h2:file:" + file.toAbsolutePath() + H2_FILE_OPTIONS);
    }

    static DataSource h2(String url) {
        return new UrlDataSource(url);
    }

    /** The PostgreSQL database named by {@value #POSTGRES_URL_VARIABLE}; callers are skipped without it. */
    public static DataSource postgres() {
        String url = System.getenv(POSTGRES_URL_VARIABLE);
        assertThat(url).as(POSTGRES_URL_VARIABLE).isNotBlank();
        return new UrlDataSource(url);
    }

    /** A table prefix no other test uses, so that tests sharing one database do not see each other's rows. */
    public static String uniquePrefix() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "_";
    }

    /** Drops the tables created with this prefix. */
    public static void dropTables(DataSource dataSource, String prefix) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + prefix + "outbox");
            statement.execute("DROP TABLE IF EXISTS " + prefix + "version_marker");
            statement.execute("DROP TABLE IF EXISTS " + prefix + "outbox_lock");
            statement.execute("DROP TABLE IF EXISTS " + prefix + "schema_version");
            statement.execute("DROP TABLE IF EXISTS " + prefix + "sync_memory");
            statement.execute("DROP TABLE IF EXISTS " + prefix + "destination_health");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop the test tables " + prefix + "*", e);
        }
    }
}
