/**
 * What implementers write against: {@link dev.ioflow.webhook.spi.Outbox} (where changes wait),
 * {@link dev.ioflow.webhook.spi.VersionMarkerStore} (the hash last delivered per key),
 * {@link dev.ioflow.webhook.spi.SyncMemoryStore} (what outbound syncs saw),
 * {@link dev.ioflow.webhook.spi.DestinationHealthStore} (failing and disabled destinations) and
 * {@link dev.ioflow.webhook.spi.DeliveryTarget} (where changes go), with their value types. The built-in
 * implementations live in {@code dev.ioflow.webhook.memory} and {@code dev.ioflow.webhook.jdbc};
 * {@code ioflow-testing} ships the contract tests every outbox must pass.
 *
 * @since 1.0
 */
@NullMarked
package dev.ioflow.webhook.spi;

import org.jspecify.annotations.NullMarked;
