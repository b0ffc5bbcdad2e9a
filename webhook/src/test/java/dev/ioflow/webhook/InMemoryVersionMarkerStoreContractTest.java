package dev.ioflow.webhook;

/** The marker store contract on the in-memory store. */
class InMemoryVersionMarkerStoreContractTest extends VersionMarkerStoreContract {

    @Override
    protected VersionMarkerStore createStore() {
        return new InMemoryVersionMarkerStore();
    }
}
