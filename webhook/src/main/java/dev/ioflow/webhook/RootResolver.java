package dev.ioflow.webhook;

import dev.ioflow.core.AttributeDescriptor;
import dev.ioflow.core.ItemType;
import dev.ioflow.core.TypeSystem;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Leads a saved child item (an {@code Address}) to the root items whose payload contains it (its {@code Customer}),
 * so that saving the child sends the root's payload, as SAP's outbound sync routes a nested item's change to its root
 * items. Declared per webhook with {@link WebhookConfiguration.Builder#rootResolver}; the service renders each root
 * once per call, so saving 50 addresses of one customer in one {@code saved(list)} sends one payload (and separate
 * calls coalesce while the customer's change waits in the outbox, or send nothing when the payload did not change).
 *
 * <pre>{@code
 * // Map items (or any type system): read the child's reference attribute
 * RootResolver owner = RootResolver.viaAttribute(types, "Address", "owner");
 * // Java types
 * RootResolver owner = RootResolver.of(Address.class, Address::customer);
 * }</pre>
 *
 * A resolver may return items that are themselves children (an address's customer's company): the service resolves
 * them again, up to {@value #MAX_DEPTH} levels. Items a resolver does not know return an empty collection.
 *
 * @since 1.0
 */
@FunctionalInterface
public interface RootResolver {

    /** How many levels of children the service follows before it gives up on an item. */
    int MAX_DEPTH = 8;

    /**
     * The items {@code item} is part of: root items of the webhook's integration object, or further children.
     *
     * @return the parents; empty when {@code item} is not a child this resolver knows; no null elements
     */
    Collection<?> roots(Object item);

    /**
     * A resolver for one Java type: {@code parents} returns the parent item, a collection of parents, or null
     * for none. Items of other classes have no parents here.
     */
    static <T> RootResolver of(Class<T> childClass, Function<? super T, ?> parents) {
        Objects.requireNonNull(childClass, "childClass");
        Objects.requireNonNull(parents, "parents");
        return item -> childClass.isInstance(item) ? asCollection(parents.apply(childClass.cast(item)))
                : List.of();
    }

    /**
     * A resolver that reads a reference attribute of the child type through the type system, so it works for
     * {@code Map} items and Java types alike: the attribute holds the parent item or a collection of them. Items
     * of other types have no parents here.
     *
     * @throws IllegalArgumentException when the type system does not know the type or the type has no such attribute
     */
    static RootResolver viaAttribute(TypeSystem types, String childType, String attribute) {
        Objects.requireNonNull(types, "types");
        ItemType type = types.find(Objects.requireNonNull(childType, "childType"));
        if (type == null) {
            throw new IllegalArgumentException("root resolver: the type system has no type '" + childType + "'"
                    + (types.codes().isEmpty() ? "" : " (it has " + types.codes() + ")"));
        }
        AttributeDescriptor descriptor = type.attribute(Objects.requireNonNull(attribute, "attribute"));
        if (descriptor == null) {
            throw new IllegalArgumentException("root resolver: type '" + childType + "' has no attribute '" + attribute
                    + "' (it has " + type.attributes().stream().map(AttributeDescriptor::name).toList() + ")");
        }
        return item -> type.isInstance(item) ? asCollection(descriptor.accessor().read(item)) : List.of();
    }

    private static Collection<?> asCollection(Object parents) {
        if (parents == null) {
            return List.of();
        }
        if (parents instanceof Collection<?> many) {
            return many.stream().filter(Objects::nonNull).toList();
        }
        return List.of(parents);
    }
}
