package dev.ioflow.odata;

import dev.ioflow.core.persistence.UnitOfWork;
import dev.ioflow.odata.internal.persist.ChangeSink;
import dev.ioflow.webhook.WebhookService;
import dev.ioflow.webhook.spi.TransactionalOutbox;
import java.sql.Connection;
import org.jspecify.annotations.Nullable;

/**
 * Isolates the optional webhook dependency: loaded only when a WebhookService is attached. When the request's unit
 * of work is a JDBC transaction ({@link UnitOfWork#unwrap} answers its {@link Connection}) and the webhooks' outbox
 * can append into a caller's transaction ({@link TransactionalOutbox}, such as the JDBC outbox), the changes are
 * written on that connection: items and outbox rows commit or roll back together, and the delivery workers are woken
 * once the unit of work has committed ({@link WebhookService#changesCommitted()}). Otherwise they are recorded as
 * {@link WebhookService#saved(Object)} records them (on their own, or in the transaction a
 * {@link dev.ioflow.webhook.spi.TransactionBinding} finds), before the unit of work commits.
 */
final class WebhookChanges implements ChangeSink {
    private final WebhookService webhooks;
    private final boolean transactionalOutbox;

    private WebhookChanges(WebhookService webhooks) {
        this.webhooks = webhooks;
        this.transactionalOutbox = webhooks.outbox() instanceof TransactionalOutbox;
    }

    static ChangeSink of(WebhookService webhooks) {
        return new WebhookChanges(webhooks);
    }

    @Override
    public void saved(UnitOfWork work, Object item) {
        Connection connection = connection(work);
        if (connection == null) {
            webhooks.saved(item);
        } else {
            webhooks.saved(item, connection);
        }
    }

    @Override
    public void deleted(UnitOfWork work, Object item) {
        Connection connection = connection(work);
        if (connection == null) {
            webhooks.deleted(item);
        } else {
            webhooks.deleted(item, connection);
        }
    }

    @Override
    public void committed() {
        if (transactionalOutbox) {
            webhooks.changesCommitted();
        }
    }

    private @Nullable Connection connection(UnitOfWork work) {
        return transactionalOutbox ? work.unwrap(Connection.class) : null;
    }
}
