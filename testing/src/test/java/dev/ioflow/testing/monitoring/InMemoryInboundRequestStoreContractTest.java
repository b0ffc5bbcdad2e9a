package dev.ioflow.testing.monitoring;

import dev.ioflow.core.monitoring.MonitorStore;
import dev.ioflow.odata.InboundMonitor;
import dev.ioflow.odata.InboundRequest;
import dev.ioflow.odata.InboundRequestQuery;

/** The inbound request store contract on the in-memory store, which does not survive restarts. */
class InMemoryInboundRequestStoreContractTest extends InboundRequestStoreContract {

    @Override
    protected MonitorStore<InboundRequest, InboundRequestQuery> createStore() {
        return InboundMonitor.inMemoryStore(10_000);
    }
}
