/**
 * Monitoring storage, shared by inbound and outbound monitoring: the {@link dev.ioflow.core.monitoring.MonitorStore}
 * SPI (record, query with filters and paging, delete by age), SAP's retention defaults
 * ({@link dev.ioflow.core.monitoring.MonitorRetention}) and {@link dev.ioflow.core.monitoring.RetainingMonitorStore},
 * which applies them to any store. The in-memory store is in {@code dev.ioflow.core.monitoring.memory}; the JDBC
 * store of outbound requests in {@code dev.ioflow.webhook.jdbc}.
 *
 * @since 1.0
 */
@NullMarked
package dev.ioflow.core.monitoring;

import org.jspecify.annotations.NullMarked;
