package dev.ioflow.testing.monitoring;

import dev.ioflow.core.monitoring.MonitorStore;
import dev.ioflow.odata.InboundRequest;
import dev.ioflow.odata.InboundRequestQuery;
import dev.ioflow.odata.jdbc.JdbcInboundRequestStore;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The inbound request store contract on JdbcInboundRequestStore over the PostgreSQL server named by
 * {@code IOFLOW_TEST_POSTGRES_URL}, in tables of a random prefix dropped after each test.
 */
@EnabledIfEnvironmentVariable(named = "IOFLOW_TEST_POSTGRES_URL", matches = ".+",
        disabledReason = "IOFLOW_TEST_POSTGRES_URL is not set: no PostgreSQL server to test against")
class PostgresInboundRequestStoreContractTest extends InboundRequestStoreContract {
    private final TestDatabase database = TestDatabase.postgres();

    @Override
    protected MonitorStore<InboundRequest, InboundRequestQuery> createStore() {
        return reopenStore();
    }

    /** A second store on the same tables, creating the schema again: the DDL is idempotent. */
    @Override
    protected MonitorStore<InboundRequest, InboundRequestQuery> reopenStore() {
        return JdbcInboundRequestStore.builder().dataSource(database.dataSource()).tablePrefix(database.prefix())
                .createSchema(true).build();
    }

    @AfterEach
    void dropTable() throws SQLException {
        database.drop("inbound_request");
    }
}
