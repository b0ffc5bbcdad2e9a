package dev.ioflow.core.internal.types;

import dev.ioflow.core.ItemFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Makes {@code Map} items: a new {@link LinkedHashMap} with the values (and the discriminator key naming the type,
 * when the type system has one); updates put the values into the map, or into a copy when the map cannot be
 * changed ({@code Map.of}).
 *
 * @param type          the item type's code
 * @param discriminator the key naming an item's type, or null
 */
public record MapItemFactory(String type, @Nullable String discriminator) implements ItemFactory {

    @Override
    public Object create(Map<String, ? extends @Nullable Object> values) {
        Map<String, @Nullable Object> item = new LinkedHashMap<>();
        if (discriminator != null) {
            item.put(discriminator, type);
        }
        item.putAll(values);
        return item;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object update(Object item, Map<String, ? extends @Nullable Object> values) {
        if (!(item instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("item type '" + type + "' holds Map items, got " + item.getClass().getName());
        }
        try {
            ((Map<String, @Nullable Object>) map).putAll(values);
            return map;
        } catch (UnsupportedOperationException e) {
            Map<String, @Nullable Object> copy = new LinkedHashMap<>((Map<String, ?>) map);
            copy.putAll(values);
            return copy;
        }
    }
}
