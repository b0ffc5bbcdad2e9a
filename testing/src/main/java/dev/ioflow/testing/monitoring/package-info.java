/**
 * Contract tests for monitoring stores: extend {@link dev.ioflow.testing.monitoring.OutboundRequestStoreContract} or
 * {@link dev.ioflow.testing.monitoring.InboundRequestStoreContract} to check a custom
 * {@link dev.ioflow.core.monitoring.MonitorStore} of outbound or inbound requests against the rules the built-in
 * in-memory and JDBC stores follow. Needs JUnit 5 and AssertJ, which {@code ioflow-testing} brings.
 *
 * @since 1.0
 */
@NullMarked
package dev.ioflow.testing.monitoring;

import org.jspecify.annotations.NullMarked;
