package dev.ioflow.spring.jdbc;

import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.postgresql.ds.PGSimpleDataSource;

/** The transaction binding on PostgreSQL ({@code IOFLOW_TEST_POSTGRES_URL}), in tables of its own prefix. */
@EnabledIfEnvironmentVariable(named = "IOFLOW_TEST_POSTGRES_URL", matches = ".+")
class SpringTransactionBindingPostgresTest extends SpringTransactionBindingTest {

    @Override
    DataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(System.getenv("IOFLOW_TEST_POSTGRES_URL"));
        return ds;
    }

    @Override
    void dropTables(DataSource db) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + prefix + "outbox CASCADE");
            s.execute("DROP TABLE IF EXISTS " + prefix + "version_marker CASCADE");
            s.execute("DROP TABLE IF EXISTS " + prefix + "schema_version CASCADE");
        }
    }
}
