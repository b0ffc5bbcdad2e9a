package dev.ioflow.core.internal.sap;

import dev.ioflow.core.AttributeDescriptor;
import dev.ioflow.core.ItemType;
import dev.ioflow.core.ValueKind;
import dev.ioflow.core.internal.types.MapEntryAccessor;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Builds the {@link ItemType}s of a SAP type system for {@code Map} items: the resolved {@code items.xml} types,
 * plus what definitions declare that no {@code items.xml} knows (types, and attributes of known types), taken as
 * the definitions declare them. Attribute reads are {@code map.get(qualifier)}.
 */
public final class SapItemTypes {
    private final Map<String, ResolvedType> resolved;
    private final Map<String, Map<String, String>> derived;
    private final String discriminator;
    private final Map<String, String> supertypes = new LinkedHashMap<>();

    /**
     * @param resolved      the types read from {@code items.xml} files
     * @param derived       by type code, by attribute: the referenced type code, or null for a value of any kind
     *                      (what definitions imply; see {@code DerivedSchema})
     * @param discriminator the map key naming an item's type, or null
     */
    public SapItemTypes(Map<String, ResolvedType> resolved, Map<String, Map<String, String>> derived, String discriminator) {
        this.resolved = resolved;
        this.derived = derived;
        this.discriminator = discriminator;
        resolved.values().forEach(t -> supertypes.put(t.code(), t.supertype()));
    }

    /** The direct supertype of each type (null for roots and for types only definitions declare). */
    public Map<String, String> supertypes() {
        return Collections.unmodifiableMap(supertypes);
    }

    /** The item types by code: {@code items.xml} types first, then types only definitions declare. */
    public Map<String, ItemType> build() {
        Map<String, ItemType> types = new LinkedHashMap<>();
        for (ResolvedType type : resolved.values()) {
            ItemType.Builder builder = ItemType.builder(type.code()).instances(instances(type.code()));
            Set<String> names = new HashSet<>();
            for (ResolvedType.Attribute attribute : type.attributes()) {
                builder.attribute(descriptor(type.code(), attribute));
                names.add(attribute.name());
            }
            derived.getOrDefault(type.code(), Map.of()).forEach((name, referenced) -> {
                if (!names.contains(name)) {
                    builder.attribute(derivedDescriptor(type.code(), name, referenced));
                }
            });
            types.put(type.code(), builder.build());
        }
        derived.forEach((code, attributes) -> {
            if (!types.containsKey(code)) {
                ItemType.Builder builder = ItemType.builder(code).instances(instances(code));
                attributes.forEach((name, referenced) -> builder.attribute(derivedDescriptor(code, name, referenced)));
                types.put(code, builder.build());
                supertypes.put(code, null);
            }
        });
        return Collections.unmodifiableMap(types);
    }

    private static AttributeDescriptor descriptor(String type, ResolvedType.Attribute attribute) {
        MapEntryAccessor accessor = new MapEntryAccessor(type, attribute.name());
        return new AttributeDescriptor(attribute.name(), attribute.kind(), attribute.many(), attribute.referencedType(), accessor);
    }

    private static AttributeDescriptor derivedDescriptor(String type, String name, String referenced) {
        MapEntryAccessor accessor = new MapEntryAccessor(type, name);
        return referenced == null ? AttributeDescriptor.of(name, ValueKind.ANY, accessor)
                : AttributeDescriptor.references(name, referenced, false, accessor);
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
        for (int depth = 0; current != null && depth < 64; depth++) {
            if (current.equals(sup)) {
                return true;
            }
            current = supertypes.get(current);
        }
        return false;
    }
}
