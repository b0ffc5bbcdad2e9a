package dev.ioflow.odata.internal.persist;

import dev.ioflow.core.persistence.UnitOfWork;

/**
 * Where written and deleted items go besides the store (a WebhookService, when one is attached). Called inside the
 * request's unit of work, before it commits, so that a sink writing into the same transaction commits or rolls back
 * with the items.
 */
public interface ChangeSink {
    ChangeSink NONE = new ChangeSink() {
        @Override
        public void saved(UnitOfWork work, Object item) {
        }

        @Override
        public void deleted(UnitOfWork work, Object item) {
        }
    };

    void saved(UnitOfWork work, Object item);

    void deleted(UnitOfWork work, Object item);

    /**
     * The unit of work in which items were handed to this sink has committed: a sink that wrote them into that
     * transaction lets delivery start now. Not called after a rollback.
     */
    default void committed() {
    }
}
