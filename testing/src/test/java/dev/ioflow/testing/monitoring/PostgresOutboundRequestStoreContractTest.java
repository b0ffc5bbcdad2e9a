package dev.ioflow.testing.monitoring;

import dev.ioflow.core.monitoring.MonitorStore;
import dev.ioflow.webhook.OutboundRequest;
import dev.ioflow.webhook.OutboundRequestQuery;
import dev.ioflow.webhook.jdbc.JdbcOutboundRequestStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The outbound request store contract on JdbcOutboundRequestStore over the PostgreSQL server named by
 * {@code IOFLOW_TEST_POSTGRES_URL}, in tables of a random prefix dropped after each test.
 */
@EnabledIfEnvironmentVariable(named = "IOFLOW_TEST_POSTGRES_URL", matches = ".+",
        disabledReason = "IOFLOW_TEST_POSTGRES_URL is not set: no PostgreSQL server to test against")
class PostgresOutboundRequestStoreContractTest extends OutboundRequestStoreContract {
    private final PGSimpleDataSource server = new PGSimpleDataSource();
    private final ReusingDataSource dataSource = new ReusingDataSource(server);
    private final String prefix = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "_";

    @Override
    protected MonitorStore<OutboundRequest, OutboundRequestQuery> createStore() {
        server.setURL(System.getenv("IOFLOW_TEST_POSTGRES_URL"));
        return reopenStore();
    }

    /** A second store on the same tables, creating the schema again: the DDL is idempotent. */
    @Override
    protected MonitorStore<OutboundRequest, OutboundRequestQuery> reopenStore() {
        return JdbcOutboundRequestStore.builder().dataSource(dataSource).tablePrefix(prefix).createSchema(true).build();
    }

    @AfterEach
    void dropTable() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + prefix + "outbound_request");
        }
        dataSource.closeAll();
    }
}
