package dev.ioflow.webhook.jdbc;

import dev.ioflow.webhook.jdbc.JdbcVersionMarkerStore;
import dev.ioflow.webhook.spi.VersionMarkerStore;
import dev.ioflow.webhook.VersionMarkerStoreContract;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The version-marker contract on the PostgreSQL server named by {@code IOFLOW_TEST_POSTGRES_URL}. */
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
        disabledReason = TestDatabases.NO_POSTGRES)
class PostgresVersionMarkerStoreTest extends VersionMarkerStoreContract {
    private final DataSource dataSource = TestDatabases.postgres();
    private final String prefix = TestDatabases.uniquePrefix();

    @Override
    protected VersionMarkerStore createStore() {
        return JdbcVersionMarkerStore.builder().dataSource(dataSource).tablePrefix(prefix).createSchema(true).build();
    }

    @AfterEach
    void dropTables() {
        TestDatabases.dropTables(dataSource, prefix);
    }
}
