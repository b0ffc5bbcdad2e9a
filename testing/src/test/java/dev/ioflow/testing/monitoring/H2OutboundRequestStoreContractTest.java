package dev.ioflow.testing.monitoring;

import dev.ioflow.core.monitoring.MonitorStore;
import dev.ioflow.webhook.OutboundRequest;
import dev.ioflow.webhook.OutboundRequestQuery;
import dev.ioflow.webhook.jdbc.JdbcOutboundRequestStore;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;

/** The outbound request store contract on JdbcOutboundRequestStore over a private in-memory H2 database. */
class H2OutboundRequestStoreContractTest extends OutboundRequestStoreContract {
    private final JdbcDataSource dataSource = new JdbcDataSource();

    @Override
    protected MonitorStore<OutboundRequest, OutboundRequestQuery> createStore() {
        dataSource.setURL("jdbc:h2:mem:ioflow_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
        return reopenStore();
    }

    /** A second store on the same database, creating the schema again: the DDL is idempotent. */
    @Override
    protected MonitorStore<OutboundRequest, OutboundRequestQuery> reopenStore() {
        return JdbcOutboundRequestStore.builder().dataSource(dataSource).createSchema(true).build();
    }
}
