/**
 * ioflow core: integration objects (definitions), type systems, validation and payload rendering.
 * Every type here is null-marked: a parameter or result that may be null says so with {@code @Nullable}.
 */
@NullMarked
package dev.ioflow.core;

import org.jspecify.annotations.NullMarked;
