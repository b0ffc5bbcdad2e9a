package dev.ioflow.testing.monitoring;

import dev.ioflow.core.monitoring.MonitorStore;
import dev.ioflow.odata.InboundRequest;
import dev.ioflow.odata.InboundRequestQuery;
import dev.ioflow.odata.jdbc.JdbcInboundRequestStore;

/** The inbound request store contract on JdbcInboundRequestStore over a private in-memory H2 database. */
class H2InboundRequestStoreContractTest extends InboundRequestStoreContract {
    private TestDatabase database;

    @Override
    protected MonitorStore<InboundRequest, InboundRequestQuery> createStore() {
        database = TestDatabase.h2();
        return reopenStore();
    }

    /** A second store on the same database, creating the schema again: the DDL is idempotent. */
    @Override
    protected MonitorStore<InboundRequest, InboundRequestQuery> reopenStore() {
        return JdbcInboundRequestStore.builder().dataSource(database.dataSource()).createSchema(true).build();
    }
}
