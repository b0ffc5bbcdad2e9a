package dev.ioflow.webhook;

import dev.ioflow.core.IoflowException;

/**
 * Root of the webhook module's unchecked exceptions. Messages name the webhook, item or entry at fault, never a
 * secret.
 *
 * @since 0.1
 */
public class WebhookException extends IoflowException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message. */
    public WebhookException(String message) {
        super(message);
    }

    /** An exception with a message and a cause. */
    public WebhookException(String message, Throwable cause) {
        super(message, cause);
    }
}
