package dev.ioflow.core.internal.render;

import dev.ioflow.core.AttributeAccessor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves each item's key attributes once: its unique attributes, where a unique reference expands into the
 * referenced item's own key attributes (recursively), sorted by their {@code ItemCode_attributeName} alias.
 * The definition is validated first, so unique references never form a cycle.
 */
final class KeyPlanCompiler {
    private final Map<String, BoundItem> items;

    KeyPlanCompiler(Map<String, BoundItem> items) {
        this.items = items;
    }

    /** A key plan per item code. */
    Map<String, KeyPlan> compile() {
        Map<String, KeyPlan> plans = new LinkedHashMap<>();
        for (BoundItem item : items.values()) {
            List<KeyPart> parts = new ArrayList<>();
            Deque<String> expanding = new ArrayDeque<>();
            collect(item, new ArrayList<>(), new ArrayList<>(), parts, expanding);
            parts.sort(Comparator.comparing(p -> p.alias));
            plans.put(item.code(), new KeyPlan(parts.toArray(KeyPart[]::new)));
        }
        return plans;
    }

    private void collect(BoundItem item, List<AttributeAccessor> chain, List<String> path, List<KeyPart> into,
                         Deque<String> expanding) {
        expanding.addLast(item.code());
        for (BoundAttribute attribute : item.attributes()) {
            if (!attribute.unique()) {
                continue;
            }
            List<AttributeAccessor> attributeChain = new ArrayList<>(chain);
            attributeChain.add(attribute.accessor());
            List<String> attributePath = new ArrayList<>(path);
            attributePath.add(attribute.name());
            BoundItem nested = attribute.returnItem() == null ? null : items.get(attribute.returnItem());
            if (nested == null) {
                into.add(new KeyPart(item.code() + "_" + attribute.name(), attributeChain.toArray(AttributeAccessor[]::new),
                        attributePath.toArray(String[]::new), attribute.mayBeNull()));
            } else if (expanding.contains(nested.code())) {
                // The validator rejects such definitions before binding; this guards against endless recursion.
                throw new IllegalStateException("unique references form a cycle: " + expanding + " -> " + nested.code());
            } else {
                attributePath.add(nested.code());
                collect(nested, attributeChain, attributePath, into, expanding);
            }
        }
        expanding.removeLast();
    }
}
