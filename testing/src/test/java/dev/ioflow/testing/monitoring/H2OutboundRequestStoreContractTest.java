package dev.ioflow.testing.monitoring;

import dev.ioflow.core.monitoring.MonitorStore;
import dev.ioflow.webhook.OutboundRequest;
import dev.ioflow.webhook.OutboundRequestQuery;
import dev.ioflow.webhook.jdbc.JdbcOutboundRequestStore;

/** The outbound request store contract on JdbcOutboundRequestStore over a private in-memory H2 database. */
class H2OutboundRequestStoreContractTest extends OutboundRequestStoreContract {
    private TestDatabase database;

    @Override
    protected MonitorStore<OutboundRequest, OutboundRequestQuery> createStore() {
        database = TestDatabase.h2();
        return reopenStore();
    }

    /** A second store on the same database, creating the schema again: the DDL is idempotent. */
    @Override
    protected MonitorStore<OutboundRequest, OutboundRequestQuery> reopenStore() {
        return JdbcOutboundRequestStore.builder().dataSource(database.dataSource()).createSchema(true).build();
    }
}
