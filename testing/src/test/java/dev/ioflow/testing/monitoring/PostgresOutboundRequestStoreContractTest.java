package dev.ioflow.testing.monitoring;

import dev.ioflow.core.monitoring.MonitorStore;
import dev.ioflow.webhook.OutboundRequest;
import dev.ioflow.webhook.OutboundRequestQuery;
import dev.ioflow.webhook.jdbc.JdbcOutboundRequestStore;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The outbound request store contract on JdbcOutboundRequestStore over the PostgreSQL server named by
 * {@code IOFLOW_TEST_POSTGRES_URL}, in tables of a random prefix dropped after each test.
 */
@EnabledIfEnvironmentVariable(named = "IOFLOW_TEST_POSTGRES_URL", matches = ".+",
        disabledReason = "IOFLOW_TEST_POSTGRES_URL is not set: no PostgreSQL server to test against")
class PostgresOutboundRequestStoreContractTest extends OutboundRequestStoreContract {
    private final TestDatabase database = TestDatabase.postgres();

    @Override
    protected MonitorStore<OutboundRequest, OutboundRequestQuery> createStore() {
        return reopenStore();
    }

    /** A second store on the same tables, creating the schema again: the DDL is idempotent. */
    @Override
    protected MonitorStore<OutboundRequest, OutboundRequestQuery> reopenStore() {
        return JdbcOutboundRequestStore.builder().dataSource(database.dataSource()).tablePrefix(database.prefix())
                .createSchema(true).build();
    }

    @AfterEach
    void dropTable() throws SQLException {
        database.drop("outbound_request");
    }
}
