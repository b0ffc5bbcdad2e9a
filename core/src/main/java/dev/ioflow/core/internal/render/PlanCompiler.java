package dev.ioflow.core.internal.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles bound items into a linked graph of {@link ObjectPlan}s for one output form: attributes either in
 * definition order (payload styles) or sorted by name (the canonical form), each item with its reference
 * form for when it is met again on its own path.
 */
final class PlanCompiler {
    private final Map<String, BoundItem> items;
    private final Map<String, KeyPlan> keys;
    private final Set<String> recursiveItems;

    PlanCompiler(Map<String, BoundItem> items, Map<String, KeyPlan> keys) {
        this.items = items;
        this.keys = keys;
        this.recursiveItems = recursiveItems(items);
    }

    /**
     * The plan of {@code rootCode}, linked to the plans of every item it nests.
     *
     * @param sorted     attributes (and the integration key) in name order, as the canonical form wants
     * @param sapLocalized whether objects carry SAP's {@code localizedAttributes} list
     */
    ObjectPlan compile(String rootCode, boolean sorted, boolean sapLocalized) {
        Map<String, ObjectPlan> full = new LinkedHashMap<>();
        Map<String, ObjectPlan> reference = new LinkedHashMap<>();
        for (BoundItem item : items.values()) {
            full.put(item.code(), plan(item, item.attributes(), sorted, sapLocalized, recursiveItems.contains(item.code())));
            List<BoundAttribute> unique = item.attributes().stream().filter(BoundAttribute::unique).toList();
            reference.put(item.code(), plan(item, unique, sorted, false, false));
        }
        link(full);
        link(reference);
        full.forEach((code, plan) -> plan.referenceForm = reference.get(code));
        return full.get(rootCode);
    }

    private ObjectPlan plan(BoundItem item, List<BoundAttribute> bound, boolean sorted, boolean sapLocalized, boolean recursive) {
        List<AttributePlan> attributes = new ArrayList<>();
        bound.forEach(a -> attributes.add(new AttributePlan(a)));
        if (sorted) {
            attributes.sort(Comparator.comparing(a -> a.name));
        }
        int keyIndex = attributes.size();
        if (sorted) {
            keyIndex = (int) attributes.stream().filter(a -> a.name.compareTo(ItemWriter.INTEGRATION_KEY) < 0).count();
        }
        List<AttributePlan> localized = sapLocalized
                ? attributes.stream().filter(a -> a.mode == AttributePlan.LOCALIZED).toList() : List.of();
        int localizedIndex = localized.isEmpty() ? -1 : attributes.indexOf(localized.get(localized.size() - 1));
        return new ObjectPlan(item.code(), attributes.toArray(AttributePlan[]::new), keyIndex,
                localized.toArray(AttributePlan[]::new), localizedIndex, keys.get(item.code()), recursive);
    }

    private static void link(Map<String, ObjectPlan> plans) {
        for (ObjectPlan plan : plans.values()) {
            for (AttributePlan attribute : plan.attributes) {
                if (attribute.mode == AttributePlan.NESTED) {
                    attribute.nested = plans.get(attribute.returnItem);
                }
            }
        }
    }

    /** The items that can reach themselves through nested items. */
    private static Set<String> recursiveItems(Map<String, BoundItem> items) {
        Set<String> recursive = new HashSet<>();
        for (String code : items.keySet()) {
            if (reaches(items, code, code, new HashSet<>())) {
                recursive.add(code);
            }
        }
        return recursive;
    }

    private static boolean reaches(Map<String, BoundItem> items, String from, String target, Set<String> seen) {
        BoundItem item = items.get(from);
        if (item == null) {
            return false;
        }
        for (BoundAttribute attribute : item.attributes()) {
            String next = attribute.returnItem();
            if (next == null) {
                continue;
            }
            if (next.equals(target)) {
                return true;
            }
            if (seen.add(next) && reaches(items, next, target, seen)) {
                return true;
            }
        }
        return false;
    }
}
