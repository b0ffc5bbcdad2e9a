package dev.ioflow.webhook;

import dev.ioflow.webhook.memory.InMemoryVersionMarkerStore;
import dev.ioflow.webhook.spi.VersionMarkerStore;

/** The marker store contract on the in-memory store. */
class InMemoryVersionMarkerStoreContractTest extends VersionMarkerStoreContract {

    @Override
    protected VersionMarkerStore createStore() {
        return new InMemoryVersionMarkerStore();
    }
}
