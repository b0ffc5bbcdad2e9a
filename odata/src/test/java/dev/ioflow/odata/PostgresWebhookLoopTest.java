package dev.ioflow.odata;

import javax.sql.DataSource;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@link JdbcWebhookLoopTest} on PostgreSQL, when {@code IOFLOW_TEST_POSTGRES_URL} names a database (its
 * {@code ioflow_test_*} tables are recreated and the {@code ioflow_loop_outbox} table emptied).
 */
@EnabledIfEnvironmentVariable(named = "IOFLOW_TEST_POSTGRES_URL", matches = ".+")
class PostgresWebhookLoopTest extends JdbcWebhookLoopTest {

    @Override
    protected String url() {
        return System.getenv("IOFLOW_TEST_POSTGRES_URL");
    }

    @Override
    protected DataSource dataSource(String url) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        return dataSource;
    }
}
