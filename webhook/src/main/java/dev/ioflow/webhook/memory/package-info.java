/**
 * In-memory stores, the defaults of {@link dev.ioflow.webhook.WebhookService}: nothing survives a restart.
 *
 * @since 1.0
 */
@NullMarked
package dev.ioflow.webhook.memory;

import org.jspecify.annotations.NullMarked;
