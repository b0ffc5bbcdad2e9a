package dev.ioflow.core.persistence.jdbc;

import static dev.ioflow.core.persistence.jdbc.JdbcItemRepository.TableMapping.column;

import dev.ioflow.core.AttributeDescriptor;
import dev.ioflow.core.ItemType;
import dev.ioflow.core.persistence.InvalidQueryException;
import dev.ioflow.core.persistence.InvalidQueryException.Reason;
import dev.ioflow.core.persistence.ItemFilter;
import dev.ioflow.core.persistence.ItemFilter.Operator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An {@link ItemFilter} as a SQL condition on the alias {@code t}, with OData's null semantics: an absent value
 * equals only null and is {@code ne} everything else; a path through a reference is a sub-select on the
 * referenced table.
 */
final class SqlFilter {
    private final JdbcUnitOfWork work;
    private final ItemType type;
    private final List<Object> parameters;

    SqlFilter(JdbcUnitOfWork work, ItemType type, List<Object> parameters) {
        this.work = work;
        this.type = type;
        this.parameters = parameters;
    }

    String condition(ItemFilter filter) {
        if (filter instanceof ItemFilter.And and) {
            return and.conditions().stream().map(this::condition).collect(Collectors.joining(" AND ", "(", ")"));
        }
        if (filter instanceof ItemFilter.Or or) {
            return or.conditions().stream().map(this::condition).collect(Collectors.joining(" OR ", "(", ")"));
        }
        ItemFilter.Comparison comparison = (ItemFilter.Comparison) filter;
        List<String> segments = comparison.path().segments();
        if (segments.size() > 2) {
            throw new InvalidQueryException(Reason.NESTED_TOO_DEEP, "'" + comparison.path() + "' goes through more than one reference");
        }
        AttributeDescriptor first = JdbcUnitOfWork.attribute(type, segments.get(0));
        if (segments.size() == 1) {
            return compare("t." + column(first), comparison.operator(), work.bindable(first, comparison.value()));
        }
        if (!first.isReference() || first.many()) {
            throw new InvalidQueryException(Reason.INVALID_VALUE, "'" + segments.get(0) + "' is not a single reference");
        }
        JdbcItemRepository.TableMapping referenced = work.table(first.referencedType());
        AttributeDescriptor second = JdbcUnitOfWork.attribute(referenced.type, segments.get(1));
        Object value = work.bindable(second, comparison.value());
        Operator op = comparison.operator();
        String reference = "t." + column(first);
        boolean negated = op == Operator.NE;
        String inner = compare("s." + column(second), negated ? Operator.EQ : op, value);
        String select = reference + " IN (SELECT s.id FROM " + referenced.table + " s WHERE " + inner + ")";
        if (negated) {
            return "(" + reference + " IS NULL OR NOT " + select + ")";
        }
        return value == null ? "(" + reference + " IS NULL OR " + select + ")" : select;
    }

    private String compare(String column, Operator op, Object value) {
        if (value == JdbcUnitOfWork.NOT_STORED) {
            return op == Operator.NE ? "1 = 1" : "1 = 0";
        }
        if (value == null) {
            return column + (op == Operator.EQ ? " IS NULL" : " IS NOT NULL");
        }
        parameters.add(value);
        return switch (op) {
            case EQ -> column + " = ?";
            case NE -> "(" + column + " <> ? OR " + column + " IS NULL)";
            case GT -> column + " > ?";
            case GE -> column + " >= ?";
            case LT -> column + " < ?";
            case LE -> column + " <= ?";
        };
    }
}
