/**
 * Webhooks and outbound sync: {@link dev.ioflow.webhook.WebhookService} turns application events
 * ({@code saved(item)}, {@code created(item)}, {@code updated(item)}, {@code deleted(item)}; a saved child reaches
 * its root items through {@link dev.ioflow.webhook.RootResolver}s) and sync runs over an item source into integration-object payloads,
 * sends only real changes (a {@link dev.ioflow.webhook.spi.VersionMarkerStore} remembers the hash last delivered per
 * integration key), and delivers them reliably from an {@link dev.ioflow.webhook.spi.Outbox}: per-key order, retries
 * with backoff ({@link dev.ioflow.webhook.RetryPolicy}), dead letters and replay, an
 * {@link dev.ioflow.webhook.OutboundRequest} per attempt in the {@link dev.ioflow.webhook.OutboundMonitor}.
 * A destination that keeps failing is disabled ({@link dev.ioflow.webhook.DestinationHealthPolicy}, 5 days by
 * default): its changes wait in the outbox until {@code enableDestination} replays them. Syncs send new items as
 * CREATED, changed ones as UPDATED and, for webhooks that synchronize deletes, vanished ones as DELETED, also across
 * restarts with a durable {@link dev.ioflow.webhook.spi.SyncMemoryStore}.
 *
 * <pre>{@code
 * WebhookService webhooks = WebhookService.builder()
 *         .destinations(destinationClient)                       // HTTP POST to consumed destinations
 *         .outbox(JdbcOutbox.builder().dataSource(ds).build())   // durable; in memory by default
 *         .webhook(WebhookConfiguration.builder(PayloadRenderer.of(ioCustomer, types), "crm")
 *                 .eventTypes(ChangeType.SAVED, ChangeType.DELETED)
 *                 .signer(WebhookSigner.of(secret))
 *                 .build())
 *         .build();
 * webhooks.start();
 * webhooks.saved(customer);
 * }</pre>
 *
 * Targets: {@link dev.ioflow.webhook.HttpDeliveryTarget} (one POST, or an OData DELETE, per change, with
 * CloudEvents headers) and {@link dev.ioflow.webhook.ODataBatchDeliveryTarget} (OData V2 {@code $batch}, needs
 * Apache Olingo V2 on the module path). Monitoring records say whether a change came from a webhook event or an
 * outbound sync ({@link dev.ioflow.webhook.ChangeSource}).
 *
 * <p>Extension points: {@link dev.ioflow.webhook.spi.DeliveryTarget} (where changes go; the Emarsys adapter is one),
 * {@link dev.ioflow.webhook.spi.Outbox}, {@link dev.ioflow.webhook.spi.VersionMarkerStore},
 * {@link dev.ioflow.webhook.spi.SyncMemoryStore} and {@link dev.ioflow.webhook.spi.DestinationHealthStore} (where
 * state lives).
 * Everything under {@code dev.ioflow.webhook.internal} is machinery, not API.
 *
 * @since 0.1
 */
@NullMarked
package dev.ioflow.webhook;

import org.jspecify.annotations.NullMarked;

