/**
 * Consumed destinations (URL, credential, timeouts, headers), their registry and {@link
 * dev.ioflow.destinations.DestinationClient}, which sends {@link dev.ioflow.destinations.DestinationRequest}s and
 * returns {@link dev.ioflow.destinations.DestinationResponse}s. Every exception thrown here is a {@link
 * dev.ioflow.destinations.DestinationException}, a subclass of {@link dev.ioflow.core.IoflowException}.
 *
 * <p>Null-marked: nothing is null unless annotated {@link org.jspecify.annotations.Nullable}.
 *
 * @since 1.0
 */
@NullMarked
package dev.ioflow.destinations;

import org.jspecify.annotations.NullMarked;
