package dev.ioflow.core;

import dev.ioflow.core.internal.types.MutableItemFactory;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Write support of an {@link ItemType}: makes new items and updates existing ones from attribute values. The
 * counterpart of {@link AttributeAccessor}; {@link PayloadReader} and {@link dev.ioflow.core.persistence.IntegrationObjectStore}
 * use it to turn inbound payloads into items. {@link JavaTypeSystem} provides one for records (canonical
 * constructor), JavaBeans (no-argument constructor and setters) and classes with public fields;
 * {@link MapTypeSystem} one for {@code Map} items. Custom type systems attach their own with
 * {@link ItemType.Builder#factory(ItemFactory)}; {@link #mutable(Supplier, Map)} builds one from a constructor
 * and one {@link AttributeWriter} per attribute.
 *
 * <p>Values are keyed by the type's attribute names (not payload names). Attributes absent from the map are
 * left as they are (update) or take their default (create: null, {@code 0}, {@code false}). Values passed to
 * {@link #create(Map)} and {@link #update(Object, Map)} have gone through {@link #convert(String, Object)}.
 *
 * <p><b>Immutable items.</b> {@link #update(Object, Map)} returns the updated item: the same instance for
 * mutable items (beans, maps), a new instance with the merged values for immutable ones (records). Callers must
 * continue with the returned instance, and repositories must store it in place of the old one
 * ({@link dev.ioflow.core.persistence.UnitOfWork#update(ItemType, Object, Object)} receives both).
 *
 * <pre>{@code
 * ItemType customer = ItemType.builder("Customer")
 *         .attribute(AttributeDescriptor.of("uid", ValueKind.STRING, i -> ((CustomerBean) i).getUid()))
 *         .factory(ItemFactory.mutable(CustomerBean::new,
 *                 Map.of("uid", (item, value) -> ((CustomerBean) item).setUid((String) value))))
 *         .build();
 * }</pre>
 *
 * @since 1.0
 */
public interface ItemFactory {

    /**
     * Converts a value into the form the attribute holds. The value arrives in the canonical form of the
     * attribute's {@link ValueKind}: {@code String}, {@code Boolean}, {@code Integer}, {@code Long} (or
     * {@code BigInteger} beyond its range), {@code Double}, {@code BigDecimal}, {@code Instant} (DATE),
     * {@code LocalDate}, {@code LocalDateTime}, the constant's name as a {@code String} (ENUM),
     * {@code Map<Locale, String>} (LOCALIZED), {@code Map<String, Object>} (MAP), an item (ITEM), and a
     * {@code List} of those for collection attributes. The default returns the value unchanged.
     *
     * @param attribute the attribute's name
     * @param value     the canonical value, or null
     * @return the value to pass to {@link #create(Map)} or {@link #update(Object, Map)}
     * @throws ValueConversionException when the value does not fit the attribute (say what and why)
     */
    default @Nullable Object convert(String attribute, @Nullable Object value) {
        return value;
    }

    /**
     * Whether the attribute can be written (a bean property with no setter cannot). Defaults to true.
     *
     * @param attribute the attribute's name
     */
    default boolean writable(String attribute) {
        return true;
    }

    /**
     * A new item with these attribute values.
     *
     * @param values converted values by attribute name; absent attributes take their default
     */
    Object create(Map<String, ? extends @Nullable Object> values);

    /**
     * Applies these values to {@code item}.
     *
     * @param item   an item of this type
     * @param values converted values by attribute name; absent attributes keep their value
     * @return the updated item: {@code item} itself when items are mutable, else a new instance
     */
    Object update(Object item, Map<String, ? extends @Nullable Object> values);

    /**
     * A factory for mutable items: {@code constructor} makes an empty item, then each value is written by the
     * attribute's writer (attributes without a writer are not {@link #writable(String) writable}).
     */
    static ItemFactory mutable(Supplier<?> constructor, Map<String, AttributeWriter> writers) {
        return new MutableItemFactory(constructor, writers);
    }
}
