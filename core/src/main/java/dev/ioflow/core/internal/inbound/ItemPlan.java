package dev.ioflow.core.internal.inbound;

import dev.ioflow.core.AttributeDescriptor;
import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.IntegrationObjectAttribute;
import dev.ioflow.core.IntegrationObjectItem;
import dev.ioflow.core.ItemDraft;
import dev.ioflow.core.ItemFactory;
import dev.ioflow.core.ItemType;
import dev.ioflow.core.PayloadProblem;
import dev.ioflow.core.TypeSystem;
import dev.ioflow.core.internal.validation.KeyRule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One integration-object item bound to its type for inbound operations: attributes by payload name, the key
 * attributes, the type's factory (null when the type is read-only).
 */
final class ItemPlan {
    final String code;
    final ItemType type;
    final @Nullable ItemFactory factory;
    final Map<String, AttrPlan> byName;
    final List<AttrPlan> uniques;
    final List<AttrPlan> localized;

    private ItemPlan(String code, ItemType type, Map<String, AttrPlan> byName) {
        this.code = code;
        this.type = type;
        this.factory = type.factory();
        this.byName = Collections.unmodifiableMap(byName);
        this.uniques = byName.values().stream().filter(a -> !a.virtual() && KeyRule.isKey(a.definition(), type)).toList();
        this.localized = byName.values().stream().filter(a -> !a.virtual() && a.descriptor().isLocalized()).toList();
    }

    /** A plan per item code of a validated integration object. */
    static Map<String, ItemPlan> compile(IntegrationObject io, TypeSystem types) {
        Map<String, ItemPlan> plans = new LinkedHashMap<>();
        for (IntegrationObjectItem item : io.items()) {
            ItemType type = types.require(item.type());
            Map<String, AttrPlan> byName = new LinkedHashMap<>();
            for (IntegrationObjectAttribute attribute : item.attributes()) {
                byName.putIfAbsent(attribute.name(), new AttrPlan(attribute,
                        attribute.isVirtual() || attribute.isClassification() ? null : descriptor(type, attribute.source())));
            }
            plans.put(item.code(), new ItemPlan(item.code(), type, byName));
        }
        return Collections.unmodifiableMap(plans);
    }

    /** The descriptor of a validated definition's attribute (by list, whatever the lookup API returns). */
    static AttributeDescriptor descriptor(ItemType type, String name) {
        for (AttributeDescriptor d : type.attributes()) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        throw new IllegalStateException("validated definitions only name existing attributes: " + type.code() + "." + name);
    }

    /** The attribute whose type attribute is {@code source}, or null. */
    @Nullable AttrPlan bySource(String source) {
        for (AttrPlan a : byName.values()) {
            if (!a.virtual() && a.source().equals(source)) {
                return a;
            }
        }
        return null;
    }

    /**
     * {@link KeyRule}'s check of an element's key values, as read: a key attribute absent or null is a
     * {@link PayloadProblem.Kind#MISSING_KEY} problem unless it {@linkplain AttrPlan#nullableKey() may be null} and
     * another key attribute has a value. A key reference the payload leaves out to an item in {@code ancestors}
     * takes its value from there; at the top of a PATCH ({@code partialTop}) an absent key attribute keeps its
     * value (the store checks the key the PATCH leaves).
     */
    List<PayloadProblem> missingKeys(String path, Map<String, @Nullable Object> values, boolean partialTop, List<String> ancestors) {
        List<AttrPlan> nulls = new ArrayList<>();
        for (AttrPlan key : uniques) {
            boolean given = values.containsKey(key.source());
            boolean fromAncestor = key.returnItem() != null && !given && ancestors.contains(key.returnItem());
            if (!fromAncestor && !(partialTop && !given) && values.get(key.source()) == null) {
                nulls.add(key);
            }
        }
        boolean hasValue = KeyRule.hasValue(uniques.size(), nulls.size());
        List<PayloadProblem> problems = new ArrayList<>();
        for (AttrPlan key : nulls) {
            if (!key.nullableKey() || !hasValue) {
                problems.add(new PayloadProblem(path + "." + key.name(), PayloadProblem.Kind.MISSING_KEY, "key attribute '"
                        + key.name() + "' of item '" + code + "' is " + (values.containsKey(key.source()) ? "null" : "missing")
                        + (key.nullableKey() && uniques.size() > 1 ? ", and so is every other key attribute: an integration"
                        + " key needs a value (a null optional one is keyed 'null' only beside a value)" : "")));
            }
        }
        return problems;
    }

    /**
     * SAP's presence rule for an element that creates its item: every mandatory attribute the item maps has a value
     * ({@code []} is one for a collection). Key attributes are left out (absent keys are found when the payload is
     * read), as are the {@code later} ones, references back to this item that are set once its nested items exist.
     */
    List<PayloadProblem> missingOnCreate(ItemDraft draft, Map<String, @Nullable Object> values, List<AttrPlan> later) {
        List<PayloadProblem> problems = new ArrayList<>();
        for (AttrPlan attribute : byName.values()) {
            if (attribute.mandatory() && !uniques.contains(attribute) && !later.contains(attribute)
                    && values.get(attribute.source()) == null) {
                problems.add(attribute.missing(draft.path() + "." + attribute.name(), code, draft.has(attribute.source())
                        ? "the payload sets it to null" : "the payload leaves it out and the item is created"));
            }
        }
        return problems;
    }

    List<String> names() {
        return new ArrayList<>(byName.keySet());
    }
}
