package dev.ioflow.odata;

import dev.ioflow.odata.internal.persist.ChangeSink;
import dev.ioflow.webhook.WebhookService;

/** Isolates the optional webhook dependency: loaded only when a WebhookService is attached. */
final class WebhookChanges {
    private WebhookChanges() {
    }

    static ChangeSink of(WebhookService webhooks) {
        return new ChangeSink() {
            @Override
            public void saved(Object item) {
                webhooks.saved(item);
            }

            @Override
            public void deleted(Object item) {
                webhooks.deleted(item);
            }
        };
    }
}
