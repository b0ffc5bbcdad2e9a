package dev.ioflow.core;

import org.jspecify.annotations.Nullable;

/**
 * Computes a virtual attribute's value from an item, as SAP's scripts at a {@code logicLocation} do.
 * Registered with a {@link PayloadRenderer} under its logic location.
 *
 * <pre>{@code
 * VirtualAttributeFunction fullName = item -> ((Customer) item).firstName() + " " + ((Customer) item).lastName();
 * }</pre>
 *
 * @since 0.1
 */
@FunctionalInterface
public interface VirtualAttributeFunction {
    /** The value for {@code item}; {@code null} leaves the attribute out of the payload. */
    @Nullable Object compute(Object item);
}
