package dev.ioflow.webhook;

/** The outbox contract on the in-memory outbox. */
class InMemoryOutboxContractTest extends OutboxContract {

    @Override
    protected Outbox createOutbox() {
        return new InMemoryOutbox();
    }
}
