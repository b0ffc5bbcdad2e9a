package dev.ioflow.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Resolves item-type codes to {@link ItemType}s. ioflow ships type systems over Java classes
 * ({@link JavaTypeSystem}) and over {@code Map} items with a declared schema ({@link MapTypeSystem});
 * any other model (a custom type system, a database schema) plugs in by implementing this interface or by
 * listing hand-built types with {@link #of(ItemType...)}.
 *
 * <pre>{@code
 * TypeSystem types = TypeSystem.composite(JavaTypeSystem.of(Customer.class, Address.class), legacyTypes);
 * ItemType customer = types.require("Customer");
 * }</pre>
 *
 * @since 0.1
 */
public interface TypeSystem {

    /** The type with this code, or null when the type system does not know it. */
    @Nullable ItemType find(String code);

    /**
     * The type of a given item, or null when the type system cannot tell (Java classes can; plain maps need a
     * discriminator) or the item is null.
     */
    @Nullable ItemType typeOf(@Nullable Object item);

    /**
     * The codes of the types this type system knows, when it can list them (error messages name them); empty
     * by default, for type systems that resolve codes on demand.
     */
    default Set<String> codes() {
        return Set.of();
    }

    /**
     * The type with this code.
     *
     * @throws UnknownTypeException naming the code when the type system does not know it
     */
    default ItemType require(String code) {
        ItemType type = find(code);
        if (type == null) {
            throw new UnknownTypeException(code);
        }
        return type;
    }

    /**
     * Whether {@code subtype} is {@code supertype} or extends it, directly or through other types this type system
     * knows ({@link ItemType#supertype()}); false when either is unknown.
     *
     * @since 1.0
     */
    default boolean isSubtype(String subtype, String supertype) {
        String current = subtype;
        for (int depth = 0; current != null && depth < 256; depth++) {
            if (current.equals(supertype)) {
                return true;
            }
            ItemType type = find(current);
            current = type == null ? null : type.supertype();
        }
        return false;
    }

    /** A type system made of the given hand-built types. */
    static TypeSystem of(ItemType... types) {
        Map<String, ItemType> byCode = new LinkedHashMap<>();
        for (ItemType type : types) {
            if (byCode.putIfAbsent(type.code(), type) != null) {
                throw new IllegalArgumentException("item type '" + type.code() + "' is declared twice");
            }
        }
        return new TypeSystem() {
            @Override
            public @Nullable ItemType find(String code) {
                return byCode.get(code);
            }

            @Override
            public @Nullable ItemType typeOf(@Nullable Object item) {
                return byCode.values().stream().filter(t -> t.isInstance(item)).findFirst().orElse(null);
            }

            @Override
            public Set<String> codes() {
                return Collections.unmodifiableSet(byCode.keySet());
            }

            @Override
            public String toString() {
                return "TypeSystem" + byCode.keySet();
            }
        };
    }

    /** Asks each type system in turn; the first that knows a code or an item wins. */
    static TypeSystem composite(TypeSystem... systems) {
        List<TypeSystem> list = List.copyOf(new ArrayList<>(List.of(systems)));
        return new TypeSystem() {
            @Override
            public @Nullable ItemType find(String code) {
                for (TypeSystem s : list) {
                    ItemType t = s.find(code);
                    if (t != null) {
                        return t;
                    }
                }
                return null;
            }

            @Override
            public Set<String> codes() {
                Set<String> codes = new LinkedHashSet<>();
                list.forEach(s -> codes.addAll(s.codes()));
                return Collections.unmodifiableSet(codes);
            }

            @Override
            public @Nullable ItemType typeOf(@Nullable Object item) {
                for (TypeSystem s : list) {
                    ItemType t = s.typeOf(item);
                    if (t != null) {
                        return t;
                    }
                }
                return null;
            }
        };
    }
}
