package dev.ioflow.core.internal.types;

import dev.ioflow.core.AttributeAccessor;
import java.util.Map;

/**
 * Reads one key of a {@code Map<String, Object>} item.
 *
 * @param type the item type's code, for the error message
 * @param key  the attribute's name, which is the map key
 */
public record MapEntryAccessor(String type, String key) implements AttributeAccessor {
    @Override
    public Object read(Object item) {
        if (item instanceof Map<?, ?> map) {
            return map.get(key);
        }
        throw new IllegalArgumentException("item type '" + type + "' reads Map items, got " + item.getClass().getName()
                + " when reading '" + key + "'");
    }
}
