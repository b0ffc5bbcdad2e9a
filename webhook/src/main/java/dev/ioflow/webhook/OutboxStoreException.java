package dev.ioflow.webhook;

import dev.ioflow.webhook.jdbc.JdbcOutbox;
import dev.ioflow.webhook.jdbc.JdbcVersionMarkerStore;

/**
 * A durable store ({@link JdbcOutbox}, {@link JdbcVersionMarkerStore}) could not do its work: the database failed,
 * or is not supported. The message names the operation and the table; the database's own error is the cause.
 * Payloads never appear in the message.
 *
 * @since 0.1
 */
public class OutboxStoreException extends WebhookException {
    private static final long serialVersionUID = 1L;

    /** A failure that is not the database's own, such as an unsupported database product. */
    public OutboxStoreException(String message) {
        super(message);
    }

    /**
     * A database error during an operation.
     *
     * @param operation what the store was doing, such as {@code "claim"}
     * @param table     the table it was working on
     * @param cause     the database's error
     */
    public OutboxStoreException(String operation, String table, Throwable cause) {
        super(operation + " on table " + table + " failed" + sqlState(cause), cause);
    }

    private static String sqlState(Throwable cause) {
        return cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                ? " (SQLState " + sql.getSQLState() + ")" : "";
    }
}
