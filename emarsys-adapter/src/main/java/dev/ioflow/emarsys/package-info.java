/**
 * The Emarsys Core API adapter: {@link dev.ioflow.emarsys.EmarsysClient} for the contact endpoints, {@link
 * dev.ioflow.emarsys.ContactMapping} from integration objects to Emarsys fields, and {@link
 * dev.ioflow.emarsys.EmarsysContactTarget}, which delivers webhook changes as batched contact upserts. Every
 * exception thrown here is an {@link dev.ioflow.emarsys.EmarsysException}, a subclass of {@link
 * dev.ioflow.core.IoflowException}.
 *
 * <p>Null-marked: nothing is null unless annotated {@link org.jspecify.annotations.Nullable}.
 *
 * @since 1.0
 */
@NullMarked
package dev.ioflow.emarsys;

import org.jspecify.annotations.NullMarked;
