/**
 * Contract tests for implementers of the webhook SPIs: extend {@link dev.ioflow.testing.outbox.OutboxContract} to
 * check a custom {@link dev.ioflow.webhook.spi.Outbox} against the rules the built-in ones follow. Needs JUnit 5
 * and AssertJ, which {@code ioflow-testing} brings.
 *
 * @since 1.0
 */
@NullMarked
package dev.ioflow.testing.outbox;

import org.jspecify.annotations.NullMarked;
