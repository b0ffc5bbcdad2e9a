package dev.ioflow.testing.monitoring;

import dev.ioflow.core.monitoring.MonitorStore;
import dev.ioflow.webhook.OutboundMonitor;
import dev.ioflow.webhook.OutboundRequest;
import dev.ioflow.webhook.OutboundRequestQuery;

/** The outbound request store contract on the in-memory store, which does not survive restarts. */
class InMemoryOutboundRequestStoreContractTest extends OutboundRequestStoreContract {

    @Override
    protected MonitorStore<OutboundRequest, OutboundRequestQuery> createStore() {
        return OutboundMonitor.inMemoryStore(10_000);
    }
}
