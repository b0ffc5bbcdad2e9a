package dev.ioflow.core;

import dev.ioflow.core.internal.types.DerivedSchema;
import dev.ioflow.core.internal.types.MapEntryAccessor;
import dev.ioflow.core.internal.types.MapItemFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A {@link TypeSystem} for items that are {@code Map<String, Object>}s, with a declared schema: each type
 * lists its attributes (map keys) and their kinds. Attribute reads are {@code map.get(name)}. Types are writable
 * (see {@link ItemType#factory()}): new items are {@code LinkedHashMap}s (with the discriminator key, if any), and
 * updates change the map in place (a copy, for maps that cannot be changed).
 *
 * <p>With a {@link Builder#discriminator(String) discriminator}, {@link #typeOf(Object)} reads the type code
 * from that key of the map, and a map is an instance of the type it names. Without one, {@code typeOf} is
 * always null (a map does not say what it is) and every map is an instance of every type.
 *
 * <pre>{@code
 * MapTypeSystem types = MapTypeSystem.builder()
 *         .type("Customer", t -> t.attribute("customerID", ValueKind.STRING)
 *                 .attribute("contactEmail", ValueKind.STRING)
 *                 .reference("addresses", "Address", true)
 *                 .localized("name"))
 *         .type("Address", t -> t.attribute("town", ValueKind.STRING))
 *         .discriminator("itemtype")
 *         .build();
 * types.typeOf(Map.of("itemtype", "Customer", "customerID", "c1")); // ItemType[Customer, …]
 *
 * MapTypeSystem derived = MapTypeSystem.derivedFrom(ioCustomer);    // the schema the definition implies
 * }</pre>
 *
 * @since 0.1
 */
public final class MapTypeSystem implements TypeSystem {
    private final Map<String, ItemType> types;
    private final @Nullable String discriminator;

    private MapTypeSystem(Map<String, ItemType> types, @Nullable String discriminator) {
        this.types = types;
        this.discriminator = discriminator;
    }

    /** Starts a schema. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The schema the definitions imply, for {@code Map} items shaped like their payloads: each item's type gets
     * one attribute per non-virtual attribute's source. Attributes with a nested item ({@code returnItem}) are
     * {@link ValueKind#ITEM} references to that item's type; as the definition does not say whether one or many
     * items are referenced, they are declared single-valued ({@code many = false}) and the renderer accepts a
     * {@code Map} or a {@code Collection} of maps at run time. Every other attribute is {@link ValueKind#ANY}:
     * the renderer decides from the value, and so is an attribute that nested items of different types read (a
     * polymorphic reference). A derived schema knows no localized attributes.
     */
    public static MapTypeSystem derivedFrom(IntegrationObject... definitions) {
        return builder().deriveFrom(definitions).build();
    }

    @Override
    public @Nullable ItemType find(String code) {
        return types.get(code);
    }

    /** The type named by the map's discriminator key; null without a discriminator or for a non-map. */
    @Override
    public @Nullable ItemType typeOf(@Nullable Object item) {
        if (discriminator != null && item instanceof Map<?, ?> map && map.get(discriminator) instanceof String code) {
            return find(code);
        }
        return null;
    }

    /** Every declared type, in declaration order. */
    public List<ItemType> types() {
        return List.copyOf(types.values());
    }

    /** The key naming an item's type, or null when none was set. */
    public @Nullable String discriminator() {
        return discriminator;
    }

    @Override
    public Set<String> codes() {
        return Collections.unmodifiableSet(types.keySet());
    }

    @Override
    public String toString() {
        return "MapTypeSystem" + types.keySet();
    }

    /** Builds a {@link MapTypeSystem}. */
    public static final class Builder {
        private final Map<String, List<AttributeDescriptor>> types = new LinkedHashMap<>();
        private final Map<String, String> supertypes = new LinkedHashMap<>();
        private @Nullable String discriminator;

        private Builder() {
        }

        /**
         * Declares a type (or adds attributes to one already declared), configured by {@code spec}.
         *
         * @throws IllegalArgumentException when the type already has an attribute of the same name
         */
        public Builder type(String code, Consumer<TypeBuilder> spec) {
            Objects.requireNonNull(code, "code");
            TypeBuilder builder = new TypeBuilder(code);
            spec.accept(builder);
            types.computeIfAbsent(code, c -> new ArrayList<>());
            builder.attributes.forEach(a -> add(code, a));
            if (builder.supertype != null) {
                supertypes.put(code, builder.supertype);
            }
            return this;
        }

        /** Adds the types {@link #derivedFrom(IntegrationObject...) derived} from the definitions. */
        public Builder deriveFrom(IntegrationObject... definitions) {
            DerivedSchema schema = new DerivedSchema();
            for (IntegrationObject definition : definitions) {
                schema.add(definition);
            }
            schema.types().forEach((code, attributes) -> type(code, t -> {
                attributes.forEach((name, referenced) -> t.attributes.add(DerivedSchema.descriptor(code, name, referenced)));
                t.supertype = schema.supertypes().get(code);
            }));
            return this;
        }

        /** The map key whose value is the item's type code, e.g. {@code itemtype}. */
        public Builder discriminator(String key) {
            this.discriminator = Objects.requireNonNull(key, "key");
            return this;
        }

        /** Returns the immutable type system. */
        public MapTypeSystem build() {
            Map<String, ItemType> built = new LinkedHashMap<>();
            types.forEach((code, attributes) -> built.put(code, ItemType.builder(code)
                    .attributes(attributes)
                    .supertype(supertypes.get(code))
                    .instances(instances(code))
                    .factory(new MapItemFactory(code, discriminator))
                    .build()));
            return new MapTypeSystem(Collections.unmodifiableMap(built), discriminator);
        }

        private Predicate<Object> instances(String code) {
            String key = discriminator;
            return key == null ? Map.class::isInstance : item -> item instanceof Map<?, ?> map && code.equals(map.get(key));
        }

        private void add(String code, AttributeDescriptor attribute) {
            List<AttributeDescriptor> attributes = types.computeIfAbsent(code, c -> new ArrayList<>());
            if (attributes.stream().anyMatch(a -> a.name().equals(attribute.name()))) {
                throw new IllegalArgumentException("type '" + code + "' declares attribute '" + attribute.name() + "' twice");
            }
            attributes.add(attribute);
        }
    }

    /** Declares the attributes of one {@code Map} item type. */
    public static final class TypeBuilder {
        private final String code;
        private final List<AttributeDescriptor> attributes = new ArrayList<>();
        private @Nullable String supertype;

        private TypeBuilder(String code) {
            this.code = code;
        }

        /**
         * The type this type extends directly (its attributes are not copied: declare the ones items have).
         *
         * @since 1.0
         */
        public TypeBuilder supertype(String supertypeCode) {
            this.supertype = Objects.requireNonNull(supertypeCode, "supertypeCode");
            return this;
        }

        /** A single value of this kind (for references use {@link #reference(String, String, boolean)}). */
        public TypeBuilder attribute(String name, ValueKind kind) {
            attributes.add(AttributeDescriptor.of(name, kind, new MapEntryAccessor(code, name)));
            return this;
        }

        /** A collection of values of this element kind. */
        public TypeBuilder collection(String name, ValueKind elementKind) {
            attributes.add(AttributeDescriptor.collection(name, elementKind, new MapEntryAccessor(code, name)));
            return this;
        }

        /** A reference to a map item of {@code type} or, with {@code many}, a collection of them. */
        public TypeBuilder reference(String name, String type, boolean many) {
            attributes.add(AttributeDescriptor.references(name, type, many, new MapEntryAccessor(code, name)));
            return this;
        }

        /** Localized text: a {@code Map<Locale, String>} (or a map keyed by language tags). */
        public TypeBuilder localized(String name) {
            return attribute(name, ValueKind.LOCALIZED);
        }

        /**
         * Marks the attributes already declared under these names {@link AttributeDescriptor#mandatory() mandatory}
         * (SAP's {@code optional="false"}), e.g. {@code .attribute("unitType", ValueKind.STRING).mandatory("unitType")}:
         * an inbound service then requires them when it creates an item and refuses null for them.
         *
         * @throws IllegalArgumentException when no attribute of that name was declared before
         * @since 1.0
         */
        public TypeBuilder mandatory(String... names) {
            for (String name : names) {
                int index = -1;
                for (int i = 0; i < attributes.size(); i++) {
                    if (attributes.get(i).name().equals(name)) {
                        index = i;
                    }
                }
                if (index < 0) {
                    throw new IllegalArgumentException("type '" + code + "' declares no attribute '" + name
                            + "' to make mandatory; declare it first");
                }
                attributes.set(index, attributes.get(index).newBuilder().mandatory(true).build());
            }
            return this;
        }
    }
}
