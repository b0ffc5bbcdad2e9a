package dev.ioflow.webhook.jdbc;

import dev.ioflow.webhook.jdbc.JdbcOutbox;
import dev.ioflow.webhook.spi.Outbox;
import dev.ioflow.webhook.OutboxContract;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The outbox contract on the PostgreSQL server named by {@code IOFLOW_TEST_POSTGRES_URL}, in its own tables. */
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
        disabledReason = TestDatabases.NO_POSTGRES)
class PostgresOutboxTest extends OutboxContract {
    private final DataSource dataSource = TestDatabases.postgres();
    private final String prefix = TestDatabases.uniquePrefix();

    @Override
    protected Outbox createOutbox() {
        return JdbcOutbox.builder().dataSource(dataSource).tablePrefix(prefix).createSchema(true).build();
    }

    @AfterEach
    void dropTables() {
        TestDatabases.dropTables(dataSource, prefix);
    }
}
