package dev.ioflow.core;

import org.jspecify.annotations.Nullable;

/**
 * Reads one attribute's value from an item. Type systems resolve accessors once, when a type is built;
 * renderers call {@link #read(Object)} on the hot path, so implementations must not look anything up per call
 * (no reflection lookups, no {@code Method.invoke}).
 *
 * <pre>{@code
 * AttributeAccessor email = item -> ((Customer) item).contactEmail();
 * }</pre>
 *
 * @since 0.1
 */
@FunctionalInterface
public interface AttributeAccessor {
    /**
     * Returns the attribute's value of {@code item}, or {@code null} when it has none.
     *
     * @param item an item of the type that declares the attribute; never {@code null}
     */
    @Nullable Object read(Object item);
}
