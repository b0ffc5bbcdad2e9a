package dev.ioflow.testing.outbox;

import dev.ioflow.webhook.memory.InMemoryOutbox;
import dev.ioflow.webhook.spi.Outbox;

/** The outbox contract on the in-memory outbox. */
class InMemoryOutboxContractTest extends OutboxContract {

    @Override
    protected Outbox createOutbox() {
        return new InMemoryOutbox();
    }
}
