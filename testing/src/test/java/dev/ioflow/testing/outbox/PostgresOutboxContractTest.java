package dev.ioflow.testing.outbox;

import dev.ioflow.webhook.jdbc.JdbcOutbox;
import dev.ioflow.webhook.spi.Outbox;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.postgresql.ds.PGSimpleDataSource;

/** The outbox contract on JdbcOutbox over the PostgreSQL server named by {@code IOFLOW_TEST_POSTGRES_URL}. */
@EnabledIfEnvironmentVariable(named = "IOFLOW_TEST_POSTGRES_URL", matches = ".+",
        disabledReason = "IOFLOW_TEST_POSTGRES_URL is not set: no PostgreSQL server to test against")
class PostgresOutboxContractTest extends OutboxContract {
    private final PGSimpleDataSource dataSource = new PGSimpleDataSource();
    private final String prefix = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "_";

    @Override
    protected Outbox createOutbox() {
        dataSource.setURL(System.getenv("IOFLOW_TEST_POSTGRES_URL"));
        return JdbcOutbox.builder().dataSource(dataSource).tablePrefix(prefix).createSchema(true).build();
    }

    @AfterEach
    void dropTables() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + prefix + "outbox");
            statement.execute("DROP TABLE IF EXISTS " + prefix + "version_marker");
        }
    }
}
