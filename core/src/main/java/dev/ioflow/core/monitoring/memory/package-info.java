/**
 * The in-memory {@link dev.ioflow.core.monitoring.MonitorStore}: bounded in count, lost on restart.
 *
 * @since 1.0
 */
@NullMarked
package dev.ioflow.core.monitoring.memory;

import org.jspecify.annotations.NullMarked;
