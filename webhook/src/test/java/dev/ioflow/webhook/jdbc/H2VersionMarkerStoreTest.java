package dev.ioflow.webhook.jdbc;

import dev.ioflow.webhook.jdbc.JdbcVersionMarkerStore;
import dev.ioflow.webhook.spi.VersionMarkerStore;
import dev.ioflow.webhook.VersionMarkerStoreContract;

/** The version-marker contract on an in-memory H2 database. */
class H2VersionMarkerStoreTest extends VersionMarkerStoreContract {

    @Override
    protected VersionMarkerStore createStore() {
        return JdbcVersionMarkerStore.builder().dataSource(TestDatabases.h2InMemory()).createSchema(true).build();
    }
}
