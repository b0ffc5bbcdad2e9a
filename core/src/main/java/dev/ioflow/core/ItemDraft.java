package dev.ioflow.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One element of an inbound payload, read and checked by {@link PayloadReader} but not yet stored: the
 * integration-object item it is, and its values by the type's attribute name, converted for the attribute
 * (see {@link ItemFactory#convert(String, Object)}). A reference attribute's value is a nested
 * {@code ItemDraft}, or a {@code List<ItemDraft>} for a collection of references. An attribute the payload
 * gives as {@code null} maps to null; one it leaves out is absent. Immutable.
 * {@link dev.ioflow.core.persistence.IntegrationObjectStore} turns drafts into items.
 *
 * @since 1.0
 */
public final class ItemDraft {
    private final String itemCode;
    private final ItemType type;
    private final String path;
    private final Map<String, @Nullable Object> values;

    /** For {@link PayloadReader}: {@code values} may hold drafts and lists of drafts. */
    public ItemDraft(String itemCode, ItemType type, String path, Map<String, ? extends @Nullable Object> values) {
        this.itemCode = Objects.requireNonNull(itemCode, "itemCode");
        this.type = Objects.requireNonNull(type, "type");
        this.path = Objects.requireNonNull(path, "path");
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The code of the integration-object item this element is (e.g. {@code Product}). */
    public String itemCode() {
        return itemCode;
    }

    /** The item type to create or update. */
    public ItemType type() {
        return type;
    }

    /** The element's JSON path in the payload, {@code $} for the posted entity. */
    public String path() {
        return path;
    }

    /** The values by attribute name, in payload order; drafts for references. */
    public Map<String, @Nullable Object> values() {
        return values;
    }

    /** Whether the payload gives this attribute (possibly as null). */
    public boolean has(String attribute) {
        return values.containsKey(attribute);
    }

    /** The nested drafts of a reference attribute: none, one, or the collection's. */
    public List<ItemDraft> nested(String attribute) {
        Object value = values.get(attribute);
        if (value instanceof ItemDraft d) {
            return List.of(d);
        }
        if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof ItemDraft) {
            return list.stream().map(ItemDraft.class::cast).toList();
        }
        return List.of();
    }

    @Override
    public String toString() {
        return "ItemDraft[" + itemCode + " at " + path + ", " + values.keySet() + "]";
    }
}
