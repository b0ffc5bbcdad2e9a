package dev.ioflow.core.persistence;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A condition on items: comparisons of attribute paths with values, joined by {@code and} / {@code or} (what
 * SAP's inbound {@code $filter} supports). A value compared with a reference attribute is an item (or, in
 * {@link IntegrationObjectStore} queries on {@code nav/integrationKey}, the key text).
 *
 * <p>Nulls follow OData, not SQL: an absent value (also one read through an absent reference) equals only null,
 * is {@code ne} every other value, and fails every ordering comparison. An item value that is not stored in the
 * unit of work equals nothing.
 *
 * <pre>{@code
 * ItemFilter f = ItemFilter.and(
 *         ItemFilter.compare("catalogVersion/version", ItemFilter.Operator.EQ, "Online"),
 *         ItemFilter.compare("price", ItemFilter.Operator.GT, new BigDecimal("8")));
 * }</pre>
 *
 * @since 1.0
 */
public sealed interface ItemFilter {

    /** The comparison operators. Ordering operators compare numbers by value, text, dates and enums naturally. */
    enum Operator {
        /** Equal (null equals an absent value). */
        EQ,
        /** Not equal. */
        NE,
        /** Greater than. */
        GT,
        /** Greater than or equal. */
        GE,
        /** Less than. */
        LT,
        /** Less than or equal. */
        LE
    }

    /** {@code path operator value}. */
    static ItemFilter compare(String path, Operator operator, @Nullable Object value) {
        return new Comparison(AttributePath.parse(path), operator, value);
    }

    /** All of the conditions. */
    static ItemFilter and(ItemFilter... conditions) {
        return new And(List.of(conditions));
    }

    /** Any of the conditions. */
    static ItemFilter or(ItemFilter... conditions) {
        return new Or(List.of(conditions));
    }

    /**
     * A comparison of one attribute path with a value.
     *
     * @param path     the attribute (one navigation level at most for SAP)
     * @param operator how to compare
     * @param value    the value; null only with {@link Operator#EQ} / {@link Operator#NE}
     */
    record Comparison(AttributePath path, Operator operator, @Nullable Object value) implements ItemFilter {
        /** Path and operator are required; null is compared for (in)equality only. */
        public Comparison {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(operator, "operator");
            if (value == null && operator != Operator.EQ && operator != Operator.NE) {
                throw new IllegalArgumentException("null can only be compared with eq or ne: " + path + " " + operator);
            }
        }
    }

    /**
     * Every condition holds.
     *
     * @param conditions two or more conditions
     */
    record And(List<ItemFilter> conditions) implements ItemFilter {
        /** Copies the conditions. */
        public And {
            conditions = List.copyOf(conditions);
        }
    }

    /**
     * Some condition holds.
     *
     * @param conditions two or more conditions
     */
    record Or(List<ItemFilter> conditions) implements ItemFilter {
        /** Copies the conditions. */
        public Or {
            conditions = List.copyOf(conditions);
        }
    }
}
