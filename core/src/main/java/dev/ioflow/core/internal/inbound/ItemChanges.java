package dev.ioflow.core.internal.inbound;

import dev.ioflow.core.AttributeDescriptor;
import dev.ioflow.core.ItemDraft;
import dev.ioflow.core.ItemFactory;
import dev.ioflow.core.PayloadException;
import dev.ioflow.core.ValueKind;
import dev.ioflow.core.internal.render.IntegrationKeys;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a payload's values change an item that exists: SAP's update rules for collections and maps, which a POST
 * merges into the current values and a PATCH replaces. Immutable and thread-safe.
 */
final class ItemChanges {
    private final IntegrationKeys keys;

    ItemChanges(IntegrationKeys keys) {
        this.keys = keys;
    }

    /**
     * The values that change {@code item}: with {@code merge} (a POST) given collections are added to and maps
     * merged into the current ones; otherwise (a PATCH) they replace them. Null keeps a map or collection, except
     * that a PATCH may not null a mandatory collection. Values equal to the current ones are left out.
     *
     * @throws PayloadException when a PATCH nulls a mandatory collection, or the factory refuses a merged value
     */
    Map<String, @Nullable Object> of(ItemPlan plan, ItemFactory factory, Object item, Map<String, @Nullable Object> values,
                                     boolean merge, ItemDraft draft) {
        Map<String, @Nullable Object> changes = new LinkedHashMap<>();
        values.forEach((source, value) -> {
            AttrPlan attribute = Objects.requireNonNull(plan.bySource(source));
            AttributeDescriptor descriptor = Objects.requireNonNull(attribute.descriptor());
            Object current = descriptor.accessor().read(item);
            boolean collection = descriptor.many() || value instanceof List<?> && attribute.returnItem() != null;
            boolean map = descriptor.kind() == ValueKind.MAP || descriptor.kind() == ValueKind.LOCALIZED;
            Object next = value;
            if ((collection || map) && value == null) {
                if (!merge && collection && attribute.mandatory()) {
                    throw new PayloadException(attribute.missing(draft.path() + "." + attribute.name(), plan.code,
                            "a PATCH cannot set it to null (an empty array empties it)"));
                }
                return; // SAP keeps collections and maps given as null
            }
            if (merge && collection && current != null) {
                next = attribute.converted(factory, merged(attribute, current, value), draft);
            } else if (merge && map && current instanceof Map<?, ?> old) {
                Map<Object, Object> merged = new LinkedHashMap<>(old);
                merged.putAll((Map<?, ?>) value);
                next = attribute.converted(factory, merged, draft);
            }
            if (!Collections2.sameValue(current, next)) {
                changes.put(source, next);
            }
        });
        return changes;
    }

    /**
     * A POST's collection: the current elements, then the given ones not among them. Items are the same when their
     * integration keys are (a record's updated copy replaces the old instance in place); values when equal.
     */
    private List<Object> merged(AttrPlan attribute, Object current, Object given) {
        List<Object> merged = Collections2.list(current);
        for (Object element : Collections2.list(given)) {
            int index = attribute.returnItem() == null || element == null ? -1 : indexByKey(attribute.returnItem(), merged, element);
            if (index >= 0) {
                merged.set(index, element);
            } else if (!Collections2.containsSame(merged, element)) {
                merged.add(element);
            }
        }
        return merged;
    }

    private int indexByKey(String itemCode, List<Object> items, Object item) {
        String key = keys.key(itemCode, item);
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) != null && key.equals(keys.key(itemCode, items.get(i)))) {
                return i;
            }
        }
        return -1;
    }
}
