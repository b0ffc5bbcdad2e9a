package dev.ioflow.core.internal.inbound;

import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.ItemDraft;
import dev.ioflow.core.ItemFactory;
import dev.ioflow.core.MissingKeyValueException;
import dev.ioflow.core.PayloadException;
import dev.ioflow.core.PayloadProblem;
import dev.ioflow.core.PayloadProblem.Kind;
import dev.ioflow.core.TypeSystem;
import dev.ioflow.core.internal.render.IntegrationKeys;
import dev.ioflow.core.persistence.ItemFilter;
import dev.ioflow.core.persistence.ItemQuery;
import dev.ioflow.core.persistence.UnitOfWork;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The compiled store behind {@code IntegrationObjectStore}: SAP's upsert, patch and cascade delete of drafts over
 * a unit of work. Immutable and thread-safe.
 */
public final class StoreEngine {
    private final Map<String, ItemPlan> plans;
    private final IntegrationKeys keys;
    private final KeyLookup lookup;
    private final QueryTranslator queries;
    private final ItemChanges changes;

    private StoreEngine(Map<String, ItemPlan> plans, IntegrationKeys keys) {
        this.plans = plans;
        this.keys = keys;
        this.lookup = new KeyLookup(plans, keys);
        this.queries = new QueryTranslator(plans, lookup);
        this.changes = new ItemChanges(keys);
    }

    /** Binds a validated integration object to its type system. */
    public static StoreEngine compile(IntegrationObject io, TypeSystem types) {
        return new StoreEngine(ReadEngine.compile(io, types, Locale.ENGLISH).plans(), IntegrationKeys.compile(io, types));
    }

    public Object upsert(UnitOfWork work, ItemDraft draft) {
        return persist(work, draft, true, null, Map.of());
    }

    public @Nullable Object patch(UnitOfWork work, String integrationKey, ItemDraft draft) {
        Object existing = find(work, draft.itemCode(), integrationKey);
        if (existing == null) {
            return null;
        }
        String before = keys.key(draft.itemCode(), existing);
        Object updated = persist(work, draft, false, existing, Map.of());
        String after;
        try {
            after = keys.key(draft.itemCode(), updated);
        } catch (MissingKeyValueException e) {
            throw new PayloadException(new PayloadProblem("$", Kind.MISSING_KEY, "the payload leaves the item without an"
                    + " integration key, as no key attribute has a value: " + e.getMessage()));
        }
        if (!after.equals(before)) {
            throw new PayloadException(new PayloadProblem("$", Kind.INVALID_KEY, "the payload's key attributes make the key '"
                    + after + "', which differs from the addressed key '" + before + "'"));
        }
        return updated;
    }

    public @Nullable Object find(UnitOfWork work, String itemCode, String integrationKey) {
        plan(itemCode);
        return lookup.find(work, itemCode, integrationKey);
    }

    public boolean delete(UnitOfWork work, String itemCode, String integrationKey) {
        Object item = find(work, itemCode, integrationKey);
        if (item == null) {
            return false;
        }
        cascade(work, plan(itemCode), item);
        return true;
    }

    public List<Object> query(UnitOfWork work, String itemCode, ItemQuery query) {
        ItemPlan plan = plan(itemCode);
        return work.query(plan.type, queries.translate(work, plan, query));
    }

    public long count(UnitOfWork work, String itemCode, @Nullable ItemFilter filter) {
        ItemPlan plan = plan(itemCode);
        return work.count(plan.type, filter == null ? null : queries.translate(work, plan, filter));
    }

    public String integrationKey(String itemCode, Object item) {
        return keys.key(itemCode, item);
    }

    private ItemPlan plan(String itemCode) {
        ItemPlan plan = plans.get(Objects.requireNonNull(itemCode, "itemCode"));
        if (plan == null) {
            throw new IllegalArgumentException("the integration object has no item '" + itemCode + "' (items: " + plans.keySet() + ")");
        }
        return plan;
    }

    /**
     * Stores a draft's nested items, then finds the draft's item by its key values and updates it, or creates it.
     * {@code target} is the item a PATCH addresses: its values are replaced rather than merged. A reference the
     * payload leaves out that points to an item on the path to the root takes the nearest such ancestor (SAP's
     * rule for back references such as {@code OrderEntry.order}); nested elements that need this element as their
     * ancestor are stored after it, and the element is then updated to refer to them.
     */
    private Object persist(UnitOfWork work, ItemDraft draft, boolean creatable, @Nullable Object target,
                           Map<String, Object> ancestors) {
        ItemPlan plan = plan(draft.itemCode());
        ItemFactory factory = Objects.requireNonNull(plan.factory, "drafts are only read for writable types");
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        List<AttrPlan> afterwards = new ArrayList<>();
        for (Map.Entry<String, @Nullable Object> entry : draft.values().entrySet()) {
            AttrPlan attribute = Objects.requireNonNull(plan.bySource(entry.getKey()));
            Object value = entry.getValue();
            if (attribute.returnItem() != null && value != null) {
                if (refersBack(attribute, plan.code, value)) {
                    afterwards.add(attribute);
                    continue;
                }
                value = attribute.converted(factory, references(work, attribute, value, ancestors), draft);
            }
            values.put(entry.getKey(), value);
        }
        for (AttrPlan attribute : plan.byName.values()) {
            Object ancestor = attribute.returnItem() == null || attribute.many() ? null : ancestors.get(attribute.returnItem());
            if (ancestor != null && !draft.has(attribute.source())) {
                values.put(attribute.source(), attribute.converted(factory, ancestor, draft));
            }
        }
        boolean merge = target == null;
        Object item = store(work, draft, plan, factory, creatable, target, merge, values, afterwards);
        if (afterwards.isEmpty()) {
            return item;
        }
        Map<String, Object> inner = new LinkedHashMap<>(ancestors);
        inner.put(plan.code, item);
        Map<String, @Nullable Object> references = new LinkedHashMap<>();
        for (AttrPlan attribute : afterwards) {
            references.put(attribute.source(), attribute.converted(factory,
                    references(work, attribute, Objects.requireNonNull(draft.values().get(attribute.source())), inner), draft));
        }
        return store(work, draft, plan, factory, creatable, item, merge, references, List.of());
    }

    /**
     * Finds and updates, or creates, the item of a draft from its resolved values; {@code later} are the references
     * set once nested items are stored, which a created item may lack for now.
     */
    private Object store(UnitOfWork work, ItemDraft draft, ItemPlan plan, ItemFactory factory, boolean creatable,
                         @Nullable Object target, boolean merge, Map<String, @Nullable Object> values, List<AttrPlan> later) {
        Object existing = target;
        if (existing == null) {
            Map<String, @Nullable Object> key = new LinkedHashMap<>();
            plan.uniques.forEach(u -> key.put(u.source(), values.get(u.source())));
            existing = work.find(plan.type, key);
            if (existing == null) {
                if (!creatable) {
                    throw new PayloadException(new PayloadProblem(draft.path(), Kind.MISSING_ITEM,
                            "Required NavigationProperty for EntityType [" + plan.code + "] does not exist in the System: no item "
                                    + key + " (its attribute is neither autoCreate nor partOf, so it is not created)"));
                }
                List<PayloadProblem> missing = plan.missingOnCreate(draft, values, later);
                if (!missing.isEmpty()) {
                    throw new PayloadException(missing);
                }
                Object created = write(draft, () -> factory.create(values));
                work.insert(plan.type, created);
                return created;
            }
        }
        Map<String, @Nullable Object> changed = changes.of(plan, factory, existing, values, merge, draft);
        if (changed.isEmpty()) {
            return existing;
        }
        Object previous = existing;
        return write(draft, () -> work.update(plan.type, previous, changed));
    }

    /** Whether the nested drafts of {@code attribute} leave out a reference back to an item of {@code itemCode}. */
    private boolean refersBack(AttrPlan attribute, String itemCode, Object value) {
        ItemPlan nested = plans.get(attribute.returnItem());
        for (AttrPlan back : nested.byName.values()) {
            if (itemCode.equals(back.returnItem()) && !back.many() && !back.virtual()) {
                for (Object element : Collections2.list(value)) {
                    if (!((ItemDraft) element).has(back.source())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private Object references(UnitOfWork work, AttrPlan attribute, Object value, Map<String, Object> ancestors) {
        if (value instanceof ItemDraft nested) {
            return persist(work, nested, attribute.creates(), null, ancestors);
        }
        List<Object> items = new ArrayList<>();
        for (Object element : (List<?>) value) {
            items.add(persist(work, (ItemDraft) element, attribute.creates(), null, ancestors));
        }
        return items;
    }

    private static Object write(ItemDraft draft, java.util.function.Supplier<Object> write) {
        try {
            return Objects.requireNonNull(write.get(), "the item factory returned null");
        } catch (PayloadException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PayloadException(new PayloadProblem(draft.path(), Kind.INVALID_VALUE, "item '" + draft.itemCode()
                    + "' cannot be written: " + e.getMessage()));
        }
    }

    private void cascade(UnitOfWork work, ItemPlan plan, Object item) {
        for (AttrPlan attribute : plan.byName.values()) {
            if (attribute.definition().partOf() && attribute.returnItem() != null && !attribute.virtual()) {
                Object parts = attribute.descriptor().accessor().read(item);
                if (parts != null) {
                    ItemPlan nested = plans.get(attribute.returnItem());
                    for (Object part : Collections2.list(parts)) {
                        if (part != null) {
                            cascade(work, nested, part);
                        }
                    }
                }
            }
        }
        work.delete(plan.type, item);
    }
}
