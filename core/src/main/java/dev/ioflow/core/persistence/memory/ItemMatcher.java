package dev.ioflow.core.persistence.memory;

import dev.ioflow.core.AttributeDescriptor;
import dev.ioflow.core.ItemType;
import dev.ioflow.core.persistence.AttributePath;
import dev.ioflow.core.persistence.InvalidQueryException;
import dev.ioflow.core.persistence.ItemFilter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates filters on items in memory: stored items compare by identity (through the unit of work's ids),
 * numbers by value whatever their class, localized text by any of its languages, other values by
 * {@code equals} and their natural order.
 */
final class ItemMatcher {
    private final MemoryUnitOfWork work;

    ItemMatcher(MemoryUnitOfWork work) {
        this.work = work;
    }

    boolean matches(ItemType type, Object item, ItemFilter filter) {
        if (filter instanceof ItemFilter.And and) {
            return and.conditions().stream().allMatch(c -> matches(type, item, c));
        }
        if (filter instanceof ItemFilter.Or or) {
            return or.conditions().stream().anyMatch(c -> matches(type, item, c));
        }
        ItemFilter.Comparison comparison = (ItemFilter.Comparison) filter;
        Object value = read(type, item, comparison.path());
        Object wanted = comparison.value();
        return switch (comparison.operator()) {
            case EQ -> same(value, wanted);
            case NE -> !same(value, wanted);
            case GT -> value != null && compare(value, wanted) > 0;
            case GE -> value != null && compare(value, wanted) >= 0;
            case LT -> value != null && compare(value, wanted) < 0;
            case LE -> value != null && compare(value, wanted) <= 0;
        };
    }

    private @Nullable Object read(ItemType type, Object item, AttributePath path) {
        if (path.segments().size() > 2) {
            throw new InvalidQueryException(InvalidQueryException.Reason.NESTED_TOO_DEEP, "'" + path
                    + "' goes through more than one reference");
        }
        AttributeDescriptor first = MemoryUnitOfWork.attribute(type, path.first(), path.toString());
        Object value = first.accessor().read(item);
        if (!path.isNested()) {
            return value;
        }
        if (!first.isReference() || first.many()) {
            throw new InvalidQueryException(InvalidQueryException.Reason.INVALID_VALUE, "'" + path.first() + "' in '" + path
                    + "' is not a single reference");
        }
        ItemType referenced = work.type(first.referencedType());
        if (value == null || referenced == null) {
            return null;
        }
        return MemoryUnitOfWork.attribute(referenced, path.segments().get(1), path.toString()).accessor().read(value);
    }

    /** Whether a stored value equals a wanted one. */
    boolean same(@Nullable Object value, @Nullable Object wanted) {
        if (value == wanted) {
            return true;
        }
        if (value == null || wanted == null) {
            return false;
        }
        Long a = work.idOf(value);
        Long b = work.idOf(wanted);
        if (a != null || b != null) {
            return Objects.equals(a, b);
        }
        if (value instanceof Number n && wanted instanceof Number m) {
            return decimal(n).compareTo(decimal(m)) == 0;
        }
        if (value instanceof Map<?, ?> text && !(wanted instanceof Map<?, ?>)) {
            return text.values().stream().anyMatch(v -> same(v, wanted));
        }
        return Objects.deepEquals(value, wanted);
    }

    int compareNullsFirst(@Nullable Object a, @Nullable Object b) {
        if (a == null || b == null) {
            return a == b ? 0 : a == null ? -1 : 1;
        }
        return compare(a, b);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private int compare(Object value, @Nullable Object wanted) {
        Objects.requireNonNull(wanted, "ordering comparisons need a value");
        if (value instanceof Number n && wanted instanceof Number m) {
            return decimal(n).compareTo(decimal(m));
        }
        Long a = work.idOf(value);
        Long b = work.idOf(wanted);
        if (a != null && b != null) {
            return a.compareTo(b);
        }
        if (value instanceof Enum<?> e && wanted instanceof Enum<?> f) {
            return e.name().compareTo(f.name());
        }
        if (value instanceof Comparable c && value.getClass().isInstance(wanted)) {
            return c.compareTo(wanted);
        }
        if (value instanceof Comparable c && wanted.getClass().isInstance(value)) {
            return -((Comparable) wanted).compareTo(value);
        }
        throw new InvalidQueryException(InvalidQueryException.Reason.INVALID_VALUE, "cannot order "
                + value.getClass().getSimpleName() + " values against " + wanted.getClass().getSimpleName());
    }

    private static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        if (n instanceof Double || n instanceof Float) {
            return new BigDecimal(n.toString());
        }
        return BigDecimal.valueOf(n.longValue());
    }
}
