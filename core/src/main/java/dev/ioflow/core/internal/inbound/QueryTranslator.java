package dev.ioflow.core.internal.inbound;

import dev.ioflow.core.PayloadException;
import dev.ioflow.core.persistence.AttributePath;
import dev.ioflow.core.persistence.InvalidQueryException;
import dev.ioflow.core.persistence.InvalidQueryException.Reason;
import dev.ioflow.core.persistence.ItemFilter;
import dev.ioflow.core.persistence.ItemFilter.Operator;
import dev.ioflow.core.persistence.ItemQuery;
import dev.ioflow.core.persistence.UnitOfWork;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns a query in payload names into one in the type's attribute names, by SAP's rules: one navigation level,
 * {@code nav/integrationKey} looked up as the referenced item, no {@code integrationKey} of the item itself, no
 * virtual attributes, ordering by direct attributes only; literals converted to the attribute's values.
 */
final class QueryTranslator {
    /** Compared with a reference, it matches no stored item: what a key of no item selects. */
    private static final Object NO_ITEM = new Object() {
        @Override
        public String toString() {
            return "no item";
        }
    };

    private final Map<String, ItemPlan> plans;
    private final KeyLookup lookup;

    QueryTranslator(Map<String, ItemPlan> plans, KeyLookup lookup) {
        this.plans = plans;
        this.lookup = lookup;
    }

    ItemQuery translate(UnitOfWork work, ItemPlan plan, ItemQuery query) {
        ItemQuery.Builder builder = ItemQuery.builder()
                .filter(query.filter() == null ? null : translate(work, plan, query.filter()))
                .skip(query.skip()).top(query.top());
        for (ItemQuery.Order order : query.orderBy()) {
            AttributePath path = order.path();
            if (path.first().equals(ReadEngine.INTEGRATION_KEY) && !path.isNested()) {
                throw new InvalidQueryException(Reason.ORDER_BY_INTEGRATION_KEY, "cannot order by integrationKey");
            }
            if (path.isNested()) {
                throw new InvalidQueryException(Reason.ORDER_BY_NESTED, "cannot order by the nested attribute '" + path + "'");
            }
            AttrPlan attribute = attribute(plan, path.first(), path);
            builder.orderBy(new ItemQuery.Order(AttributePath.of(attribute.source()), order.descending()));
        }
        return builder.build();
    }

    ItemFilter translate(UnitOfWork work, ItemPlan plan, ItemFilter filter) {
        if (filter instanceof ItemFilter.And and) {
            return new ItemFilter.And(and.conditions().stream().map(c -> translate(work, plan, c)).toList());
        }
        if (filter instanceof ItemFilter.Or or) {
            return new ItemFilter.Or(or.conditions().stream().map(c -> translate(work, plan, c)).toList());
        }
        ItemFilter.Comparison comparison = (ItemFilter.Comparison) filter;
        AttributePath path = comparison.path();
        if (path.segments().size() > 2) {
            throw new InvalidQueryException(Reason.NESTED_TOO_DEEP, "'" + path + "' goes through more than one navigation property");
        }
        if (!path.isNested() && path.first().equals(ReadEngine.INTEGRATION_KEY)) {
            throw new InvalidQueryException(Reason.INTEGRATION_KEY_NOT_SUPPORTED,
                    "cannot filter by the integrationKey of item '" + plan.code + "': get the item by its key instead");
        }
        AttrPlan first = attribute(plan, path.first(), path);
        if (!path.isNested()) {
            if (first.returnItem() != null && comparison.value() != null) {
                throw new InvalidQueryException(Reason.INVALID_VALUE, "'" + path + "' is a navigation property: compare "
                        + path + "/integrationKey or one of its attributes");
            }
            return compare(AttributePath.of(first.source()), comparison, literal(plan, first, comparison.value(), path));
        }
        if (first.returnItem() == null) {
            throw new InvalidQueryException(Reason.UNKNOWN_ATTRIBUTE, "'" + first.name() + "' in '" + path
                    + "' is not a navigation property");
        }
        ItemPlan nested = plans.get(first.returnItem());
        String second = path.segments().get(1);
        if (second.equals(ReadEngine.INTEGRATION_KEY)) {
            return keyComparison(work, nested, first, comparison);
        }
        AttrPlan attribute = attribute(nested, second, path);
        if (attribute.returnItem() != null) {
            throw new InvalidQueryException(Reason.NESTED_TOO_DEEP, "'" + path + "' ends at a navigation property");
        }
        return compare(AttributePath.of(first.source(), attribute.source()), comparison,
                literal(nested, attribute, comparison.value(), path));
    }

    private ItemFilter keyComparison(UnitOfWork work, ItemPlan nested, AttrPlan first, ItemFilter.Comparison comparison) {
        Operator op = comparison.operator();
        if (op != Operator.EQ && op != Operator.NE) {
            throw new InvalidQueryException(Reason.INVALID_VALUE, "'" + comparison.path() + "' can only be compared with eq or ne");
        }
        if (!(comparison.value() instanceof String key)) {
            throw new InvalidQueryException(Reason.INVALID_VALUE, "'" + comparison.path() + "' is compared with text, got "
                    + comparison.value());
        }
        Object item;
        try {
            item = lookup.find(work, nested.code, key);
        } catch (PayloadException e) {
            throw new InvalidQueryException(Reason.INVALID_VALUE, e.problems().get(0).message());
        }
        return new ItemFilter.Comparison(AttributePath.of(first.source()), op, item == null ? NO_ITEM : item);
    }

    private static ItemFilter compare(AttributePath path, ItemFilter.Comparison comparison, @Nullable Object value) {
        return new ItemFilter.Comparison(path, comparison.operator(), value);
    }

    private static AttrPlan attribute(ItemPlan plan, String name, AttributePath path) {
        AttrPlan attribute = plan.byName.get(name);
        if (attribute == null) {
            throw new InvalidQueryException(Reason.UNKNOWN_ATTRIBUTE, "'" + name + "' in '" + path + "' is not a property of item '"
                    + plan.code + "'");
        }
        if (attribute.virtual()) {
            throw new InvalidQueryException(Reason.VIRTUAL_ATTRIBUTE, "'" + path + "' is a virtual attribute");
        }
        if (attribute.many()) {
            throw new InvalidQueryException(Reason.INVALID_VALUE, "'" + path + "' is a collection, which cannot be compared");
        }
        return attribute;
    }

    private static @Nullable Object literal(ItemPlan plan, AttrPlan attribute, @Nullable Object value, AttributePath path) {
        if (value == null) {
            return null;
        }
        try {
            Object canonical = Values.canonical(attribute.kind(), value, Locale.ENGLISH);
            if (attribute.descriptor().isLocalized() && canonical instanceof Map<?, ?> text) {
                canonical = text.values().iterator().next(); // localized attributes compare in one language
                return canonical;
            }
            return plan.factory == null ? canonical : plan.factory.convert(attribute.source(), canonical);
        } catch (BadValue e) {
            throw new InvalidQueryException(Reason.INVALID_VALUE, "'" + path + "': " + e.getMessage());
        } catch (RuntimeException e) {
            throw new InvalidQueryException(Reason.INVALID_VALUE, "'" + path + "': " + e.getMessage());
        }
    }
}
