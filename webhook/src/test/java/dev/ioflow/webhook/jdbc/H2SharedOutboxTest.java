package dev.ioflow.webhook.jdbc;

import javax.sql.DataSource;

/** Two instances sharing one in-memory H2 outbox (H2 has {@code SKIP LOCKED} too). */
class H2SharedOutboxTest extends SharedOutboxContract {
    private final DataSource database = TestDatabases.h2InMemory();

    @Override
    protected DataSource dataSource() {
        return database;
    }
}
