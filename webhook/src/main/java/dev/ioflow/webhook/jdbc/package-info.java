/**
 * JDBC stores (PostgreSQL and H2): {@link dev.ioflow.webhook.jdbc.JdbcOutbox} makes changes durable before
 * {@code saved(item)} returns and lets several instances share the work;
 * {@link dev.ioflow.webhook.jdbc.JdbcVersionMarkerStore} keeps the delivered markers across restarts;
 * {@link dev.ioflow.webhook.jdbc.JdbcSyncMemoryStore} and {@link dev.ioflow.webhook.jdbc.JdbcDestinationHealthStore}
 * keep what outbound syncs saw and which destinations are disabled (used automatically with a JDBC outbox).
 *
 * @since 1.0
 */
@NullMarked
package dev.ioflow.webhook.jdbc;

import org.jspecify.annotations.NullMarked;
