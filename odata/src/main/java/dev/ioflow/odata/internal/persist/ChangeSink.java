package dev.ioflow.odata.internal.persist;

/** Where written and deleted items go besides the store (a WebhookService, when one is attached). */
public interface ChangeSink {
    ChangeSink NONE = new ChangeSink() {
        @Override
        public void saved(Object item) {
        }

        @Override
        public void deleted(Object item) {
        }
    };

    void saved(Object item);

    void deleted(Object item);
}
