/**
 * The in-memory {@link dev.ioflow.core.persistence.ItemRepository}: for tests, development and {@code ioflow serve}.
 *
 * @since 1.0
 */
@NullMarked
package dev.ioflow.core.persistence.memory;

import org.jspecify.annotations.NullMarked;
