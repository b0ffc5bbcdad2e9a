package dev.ioflow.webhook.jdbc;

import dev.ioflow.webhook.jdbc.JdbcOutbox;
import dev.ioflow.webhook.spi.Outbox;
import dev.ioflow.webhook.OutboxContract;

/** The outbox contract on an in-memory H2 database. */
class H2OutboxTest extends OutboxContract {

    @Override
    protected Outbox createOutbox() {
        return JdbcOutbox.builder().dataSource(TestDatabases.h2InMemory()).createSchema(true).build();
    }
}
