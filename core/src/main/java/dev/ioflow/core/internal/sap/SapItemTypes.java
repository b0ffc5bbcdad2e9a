package dev.ioflow.core.internal.sap;

import dev.ioflow.core.AttributeDescriptor;
import dev.ioflow.core.ItemType;
import dev.ioflow.core.ValueKind;
import dev.ioflow.core.internal.types.DerivedSchema;
import dev.ioflow.core.internal.types.MapEntryAccessor;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Builds the {@link ItemType}s of a SAP type system for {@code Map} items: the resolved {@code items.xml} types
 * (with their supertypes, unique and mandatory attributes), plus what definitions declare that no {@code items.xml} knows
 * (types, with the supertype their attribute descriptors name, and attributes of known types), taken as the
 * definitions declare them. Attribute reads are {@code map.get(qualifier)}.
 */
public final class SapItemTypes {
    private final Map<String, ResolvedType> resolved;
    private final DerivedSchema derived;
    private final @Nullable String discriminator;
    private final Map<String, String> supertypes = new LinkedHashMap<>();

    /**
     * @param resolved      the types read from {@code items.xml} files
     * @param derived       what definitions imply
     * @param discriminator the map key naming an item's type, or null
     */
    public SapItemTypes(Map<String, ResolvedType> resolved, DerivedSchema derived, @Nullable String discriminator) {
        this.resolved = resolved;
        this.derived = derived;
        this.discriminator = discriminator;
    }

    /** The item types by code: {@code items.xml} types first, then types only definitions declare. */
    public Map<String, ItemType> build() {
        resolved.values().stream().filter(t -> t.supertype() != null).forEach(t -> supertypes.put(t.code(), t.supertype()));
        derived.supertypes().forEach((code, supertype) -> {
            if (!resolved.containsKey(code)) {
                supertypes.put(code, supertype);
            }
        });
        Map<String, ItemType> types = new LinkedHashMap<>();
        for (ResolvedType type : resolved.values()) {
            ItemType.Builder builder = builder(type.code());
            Set<String> names = new HashSet<>();
            for (ResolvedType.Attribute attribute : type.attributes()) {
                builder.attribute(AttributeDescriptor.builder(attribute.name(), attribute.kind(),
                                new MapEntryAccessor(type.code(), attribute.name()))
                        .many(attribute.many()).referencedType(attribute.referencedType()).unique(attribute.unique())
                        .mandatory(attribute.mandatory()).build());
                names.add(attribute.name());
            }
            derived.types().getOrDefault(type.code(), Map.of()).forEach((name, referenced) -> {
                if (!names.contains(name)) {
                    builder.attribute(DerivedSchema.descriptor(type.code(), name, referenced));
                }
            });
            types.put(type.code(), builder.build());
        }
        derived.types().forEach((code, attributes) -> {
            if (!types.containsKey(code)) {
                ItemType.Builder builder = builder(code);
                attributes.forEach((name, referenced) -> builder.attribute(DerivedSchema.descriptor(code, name, referenced)));
                types.put(code, builder.build());
            }
        });
        return Collections.unmodifiableMap(types);
    }

    private ItemType.Builder builder(String code) {
        return ItemType.builder(code).supertype(supertypes.get(code)).instances(instances(code));
    }

    /** A map is an instance of the type its discriminator names and of that type's supertypes. */
    private Predicate<Object> instances(String code) {
        if (discriminator == null) {
            return Map.class::isInstance;
        }
        String key = discriminator;
        return item -> item instanceof Map<?, ?> map && map.get(key) instanceof String actual && isSubtype(actual, code);
    }

    private boolean isSubtype(String sub, String sup) {
        String current = sub;
        for (int depth = 0; current != null && depth < 256; depth++) {
            if (current.equals(sup)) {
                return true;
            }
            current = supertypes.get(current);
        }
        return false;
    }
}
