package dev.ioflow.odata.internal.persist;

import dev.ioflow.core.persistence.AttributePath;
import dev.ioflow.core.persistence.ItemFilter;
import dev.ioflow.core.persistence.ItemQuery;
import dev.ioflow.odata.internal.edm.EntityModel;
import dev.ioflow.odata.internal.edm.NavModel;
import dev.ioflow.odata.internal.olingo.SapError;
import java.util.ArrayList;
import java.util.List;
import org.apache.olingo.odata2.api.edm.EdmException;
import org.apache.olingo.odata2.api.edm.EdmLiteralKind;
import org.apache.olingo.odata2.api.edm.EdmSimpleType;
import org.apache.olingo.odata2.api.edm.EdmSimpleTypeException;
import org.apache.olingo.odata2.api.uri.expression.BinaryExpression;
import org.apache.olingo.odata2.api.uri.expression.CommonExpression;
import org.apache.olingo.odata2.api.uri.expression.FilterExpression;
import org.apache.olingo.odata2.api.uri.expression.LiteralExpression;
import org.apache.olingo.odata2.api.uri.expression.MemberExpression;
import org.apache.olingo.odata2.api.uri.expression.OrderByExpression;
import org.apache.olingo.odata2.api.uri.expression.OrderExpression;
import org.apache.olingo.odata2.api.uri.expression.PropertyExpression;
import org.apache.olingo.odata2.api.uri.expression.SortOrder;
import org.jspecify.annotations.Nullable;

/**
 * Olingo's parsed {@code $filter} and {@code $orderby} trees as the store's {@link ItemFilter} and orders. Olingo
 * parses and type-checks; this only maps the node kinds SAP supports ({@code eq ne gt ge lt le and or}, one
 * navigation level) and rejects the rest with SAP's codes.
 */
final class QueryTranslator {
    private QueryTranslator() {
    }

    /** The filter over items of {@code entity}; an enum's {@code gender/code} means the enum attribute {@code gender}. */
    static @Nullable ItemFilter filter(@Nullable FilterExpression filter, EntityModel entity) throws SapError {
        return filter == null ? null : node(filter.getExpression(), entity);
    }

    private static ItemFilter node(CommonExpression e, EntityModel entity) throws SapError {
        if (e instanceof BinaryExpression b) {
            switch (b.getOperator()) {
                case AND:
                    return ItemFilter.and(node(b.getLeftOperand(), entity), node(b.getRightOperand(), entity));
                case OR:
                    return ItemFilter.or(node(b.getLeftOperand(), entity), node(b.getRightOperand(), entity));
                case EQ:
                case NE:
                case GT:
                case GE:
                case LT:
                case LE:
                    return comparison(b, entity);
                default:
                    break;
            }
            throw unsupported(b.getOperator().toUriLiteral());
        }
        throw unsupported(e.getUriLiteral());
    }

    private static ItemFilter comparison(BinaryExpression b, EntityModel entity) throws SapError {
        CommonExpression left = b.getLeftOperand();
        CommonExpression right = b.getRightOperand();
        ItemFilter.Operator op = ItemFilter.Operator.valueOf(b.getOperator().name());
        if (right instanceof LiteralExpression literal && !(left instanceof LiteralExpression)) {
            return ItemFilter.compare(path(left, entity).toString(), op, value(literal));
        }
        if (left instanceof LiteralExpression literal && !(right instanceof LiteralExpression)) {
            return ItemFilter.compare(path(right, entity).toString(), mirror(op), value(literal));
        }
        throw SapError.badRequest("filter_not_supported",
                "A $filter comparison needs a property on one side and a literal on the other: " + b.getUriLiteral());
    }

    private static ItemFilter.Operator mirror(ItemFilter.Operator op) {
        return switch (op) {
            case GT -> ItemFilter.Operator.LT;
            case GE -> ItemFilter.Operator.LE;
            case LT -> ItemFilter.Operator.GT;
            case LE -> ItemFilter.Operator.GE;
            default -> op;
        };
    }

    static AttributePath path(CommonExpression e, EntityModel entity) throws SapError {
        if (e instanceof PropertyExpression p) {
            return AttributePath.of(p.getPropertyName());
        }
        if (e instanceof MemberExpression m && m.getPath() instanceof PropertyExpression nav
                && m.getProperty() instanceof PropertyExpression prop) {
            NavModel enumNav = entity.nav(nav.getPropertyName());
            if (enumNav != null && enumNav.kind() == NavModel.Kind.ENUM) {
                return AttributePath.of(nav.getPropertyName()); // gender/code (or its integrationKey) is the enum value
            }
            return AttributePath.of(nav.getPropertyName(), prop.getPropertyName());
        }
        if (e instanceof MemberExpression) {
            throw SapError.badRequest("filter_not_supported",
                    "Only one navigation level is supported in $filter and $orderby: " + e.getUriLiteral());
        }
        throw unsupported(e.getUriLiteral());
    }

    private static @Nullable Object value(LiteralExpression literal) throws SapError {
        try {
            EdmSimpleType type = (EdmSimpleType) literal.getEdmType();
            if (type == null || "null".equals(literal.getUriLiteral())) {
                return null;
            }
            return type.valueOfString(literal.getUriLiteral(), EdmLiteralKind.URI, null, type.getDefaultType());
        } catch (EdmSimpleTypeException e) {
            throw SapError.badRequest("invalid_query_parameter", "The $filter literal " + literal.getUriLiteral() + " is not valid.");
        } catch (ClassCastException e) {
            throw SapError.badRequest("invalid_query_parameter", "The $filter literal " + literal.getUriLiteral() + " cannot be used.");
        }
    }

    static List<ItemQuery.Order> orders(@Nullable OrderByExpression orderBy, EntityModel entity) throws SapError {
        List<ItemQuery.Order> orders = new ArrayList<>();
        if (orderBy != null) {
            for (OrderExpression o : orderBy.getOrders()) {
                AttributePath path;
                try {
                    path = path(o.getExpression(), entity);
                } catch (SapError e) {
                    throw SapError.badRequest("order_by_nested_attribute_not_supported",
                            "$orderby supports direct attributes only: " + o.getExpression().getUriLiteral());
                }
                orders.add(new ItemQuery.Order(path, o.getSortOrder() == SortOrder.desc));
            }
        }
        return orders;
    }

    private static SapError unsupported(String what) {
        return SapError.badRequest("operator_not_supported",
                "Only eq, ne, gt, ge, lt, le, and, or are supported in $filter; found: " + what);
    }
}
