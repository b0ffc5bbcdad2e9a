package dev.ioflow.core;

import org.jspecify.annotations.Nullable;

/**
 * Writes one attribute's value into a mutable item: a JavaBeans setter, a public field, a {@code Map.put}. The
 * counterpart of {@link AttributeAccessor}, used by {@link ItemFactory#mutable(java.util.function.Supplier, java.util.Map)}
 * to build factories for custom type systems whose items are mutable.
 *
 * <pre>{@code
 * AttributeWriter email = (item, value) -> ((CustomerBean) item).setContactEmail((String) value);
 * }</pre>
 *
 * @since 1.0
 */
@FunctionalInterface
public interface AttributeWriter {
    /**
     * Sets the attribute of {@code item} to {@code value}.
     *
     * @param item  an item of the type that declares the attribute
     * @param value the value, already {@link ItemFactory#convert(String, Object) converted} for the attribute
     */
    void write(Object item, @Nullable Object value);
}
