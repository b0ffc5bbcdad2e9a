package dev.ioflow.core.internal.render;

import dev.ioflow.core.AttributeAccessor;
import dev.ioflow.core.IntegrationObjectAttribute;
import dev.ioflow.core.IntegrationObjectItem;
import dev.ioflow.core.ItemType;
import dev.ioflow.core.ItemTypeMatch;
import dev.ioflow.core.TypeSystem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The value of a polymorphic reference as one of its attributes sees it: SAP maps one reference (e.g.
 * {@code ConsumedDestination.credential}) through several attributes, each with a nested item of another subtype
 * ({@code BasicCredential}, {@code ConsumedOAuthCredential}), and each attribute renders only the referenced
 * items its nested item's type matches (by its {@code itemTypeMatch}). Items whose type the type system cannot
 * tell are kept.
 */
final class PolymorphicValues implements AttributeAccessor {
    private final AttributeAccessor source;
    private final TypeSystem types;
    private final String nestedType;
    private final ItemTypeMatch match;

    PolymorphicValues(AttributeAccessor source, TypeSystem types, @Nullable IntegrationObjectItem nested) {
        this.source = source;
        this.types = types;
        this.nestedType = nested == null ? "" : nested.type();
        this.match = nested == null ? ItemTypeMatch.ALL_SUB_AND_SUPER_TYPES : nested.itemTypeMatch();
    }

    /** Whether another nested attribute of the item reads the same source through a nested item of another type. */
    static boolean isPolymorphic(IntegrationObjectItem item, IntegrationObjectAttribute attribute) {
        return attribute.isNested() && item.attributes().stream().anyMatch(other -> other != attribute && other.isNested()
                && attribute.source() != null && attribute.source().equals(other.source())
                && !attribute.returnItem().equals(other.returnItem()));
    }

    @Override
    public @Nullable Object read(Object item) {
        Object value = source.read(item);
        if (value instanceof Collection<?> collection) {
            List<Object> matching = new ArrayList<>(collection.size());
            collection.stream().filter(this::matches).forEach(matching::add);
            return matching;
        }
        return value == null || matches(value) ? value : null;
    }

    private boolean matches(@Nullable Object value) {
        ItemType actual = types.typeOf(value);
        return actual == null || match.matches(types, nestedType, actual.code());
    }
}
