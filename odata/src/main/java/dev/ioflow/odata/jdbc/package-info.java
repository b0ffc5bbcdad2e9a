/**
 * Inbound monitoring in a database: {@link dev.ioflow.odata.jdbc.JdbcInboundRequestStore} keeps the
 * {@link dev.ioflow.odata.InboundMonitor}'s records in H2 or PostgreSQL. Needs {@code ioflow-webhook} on the class
 * path.
 *
 * @since 1.0
 */
@NullMarked
package dev.ioflow.odata.jdbc;

import org.jspecify.annotations.NullMarked;
