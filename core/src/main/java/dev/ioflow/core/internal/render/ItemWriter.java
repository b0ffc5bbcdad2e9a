package dev.ioflow.core.internal.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * Walks a compiled {@link ObjectPlan} over an item and streams it to a {@link JsonGenerator}: no map lookups,
 * no reflection, no allocation beyond what values themselves need. Stateless and thread-safe.
 */
final class ItemWriter {
    static final String INTEGRATION_KEY = "integrationKey";
    private static final SerializedString INTEGRATION_KEY_FIELD = new SerializedString(INTEGRATION_KEY);

    private final ValueWriter values;
    private final boolean canonical;

    /** @param canonical whether this writes the canonical form, where unordered sets of items are sorted by key */
    ItemWriter(ValueWriter values, boolean canonical) {
        this.values = values;
        this.canonical = canonical;
    }

    /**
     * Writes {@code item} as an object.
     *
     * @param path the items being written around this one, for recursive plans only (else null)
     * @param key  the item's integration key when already known, else null
     * @throws RenderFailure with the path below this item when a value cannot be written
     */
    void writeItem(JsonGenerator g, ObjectPlan plan, Object item, Frame path, String key) throws IOException {
        Frame here = plan.recursive ? new Frame(item, path) : path;
        AttributePlan[] attributes = plan.attributes;
        ValueLimits.nest(g);
        g.writeStartObject();
        try {
            for (int i = 0; i < attributes.length; i++) {
                if (i == plan.keyIndex) {
                    writeKey(g, plan, item, key);
                }
                writeAttribute(g, attributes[i], item, here);
                if (i == plan.localizedIndex) {
                    values.writeLocalizedList(g, plan.localized, item);
                }
            }
            if (plan.keyIndex == attributes.length) {
                writeKey(g, plan, item, key);
            }
        } catch (RenderFailure failure) {
            throw failure.within(plan.itemCode);
        }
        g.writeEndObject();
    }

    private static void writeKey(JsonGenerator g, ObjectPlan plan, Object item, String key) throws IOException {
        g.writeFieldName(INTEGRATION_KEY_FIELD);
        g.writeString(key != null ? key : plan.key.compute(item));
    }

    private void writeAttribute(JsonGenerator g, AttributePlan attribute, Object item, Frame path) throws IOException {
        Object value = attribute.read(item);
        if (value == null) {
            return;
        }
        try {
            switch (attribute.mode) {
                case AttributePlan.NESTED -> {
                    g.writeFieldName(attribute.fieldName);
                    writeNested(g, attribute.nested, value, path);
                }
                case AttributePlan.LOCALIZED -> {
                    if (value instanceof Map<?, ?> text) {
                        values.writeLocalized(g, attribute.fieldName, text);
                    } else {
                        g.writeFieldName(attribute.fieldName);
                        values.write(g, value);
                    }
                }
                default -> {
                    g.writeFieldName(attribute.fieldName);
                    values.write(g, value);
                }
            }
        } catch (RenderFailure failure) {
            throw failure.within(attribute.name);
        }
    }

    private void writeNested(JsonGenerator g, ObjectPlan plan, Object value, Frame path) throws IOException {
        if (value instanceof Collection<?> items) {
            writeNestedCollection(g, plan, items, path);
        } else if (value instanceof Object[] items) {
            writeNestedCollection(g, plan, Arrays.asList(items), path);
        } else {
            writeNestedItem(g, plan, value, path);
        }
    }

    private void writeNestedCollection(JsonGenerator g, ObjectPlan plan, Collection<?> collection, Frame path) throws IOException {
        Collection<?> items = canonical ? sortedByKey(collection, plan) : collection;
        ValueLimits.nest(g);
        g.writeStartArray();
        int index = 0;
        try {
            if (items instanceof List<?> list && items instanceof RandomAccess) {
                for (int n = list.size(); index < n; index++) {
                    writeElement(g, plan, list.get(index), path);
                }
            } else {
                for (Object item : items) {
                    writeElement(g, plan, item, path);
                    index++;
                }
            }
        } catch (RenderFailure failure) {
            throw failure.atIndex(index);
        }
        g.writeEndArray();
    }

    /** An unordered set of items in key order; a missing key is reported under the nested item's code. */
    private static Collection<?> sortedByKey(Collection<?> collection, ObjectPlan plan) {
        try {
            return UnorderedSets.sorted(collection, plan.key::compute);
        } catch (RenderFailure failure) {
            throw failure.within(plan.itemCode);
        }
    }

    private void writeElement(JsonGenerator g, ObjectPlan plan, Object item, Frame path) throws IOException {
        if (item == null) {
            g.writeNull();
        } else {
            writeNestedItem(g, plan, item, path);
        }
    }

    private void writeNestedItem(JsonGenerator g, ObjectPlan plan, Object item, Frame path) throws IOException {
        if (plan.recursive && Frame.contains(path, item)) {
            writeItem(g, plan.referenceForm, item, path, null);
        } else {
            writeItem(g, plan, item, path, null);
        }
    }
}
