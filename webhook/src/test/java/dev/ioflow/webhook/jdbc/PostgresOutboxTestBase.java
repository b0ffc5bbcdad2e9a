package dev.ioflow.webhook.jdbc;

import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;

/**
 * A fresh PostgreSQL outbox under a table prefix of its own for each test, dropped after it. Subclasses run only where
 * {@value TestDatabases#POSTGRES_URL_VARIABLE} names a database (they say so with {@code @EnabledIfEnvironmentVariable},
 * which is not inherited).
 */
abstract class PostgresOutboxTestBase {
    final DataSource dataSource = UrlDataSource.pooled(System.getenv(TestDatabases.POSTGRES_URL_VARIABLE));
    final String prefix = TestDatabases.uniquePrefix();
    final JdbcOutbox outbox = JdbcOutbox.builder().dataSource(dataSource).tablePrefix(prefix)
            .createSchema(true).build();

    @AfterEach
    void dropTables() {
        TestDatabases.dropTables(dataSource, prefix);
    }
}
