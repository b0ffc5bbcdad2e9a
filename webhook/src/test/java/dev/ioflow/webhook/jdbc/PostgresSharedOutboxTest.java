package dev.ioflow.webhook.jdbc;

import javax.sql.DataSource;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** Two instances sharing one PostgreSQL outbox: {@code FOR UPDATE SKIP LOCKED} keeps their claims apart. */
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
        disabledReason = TestDatabases.NO_POSTGRES)
class PostgresSharedOutboxTest extends SharedOutboxContract {

    @Override
    protected DataSource dataSource() {
        return TestDatabases.postgres();
    }
}
