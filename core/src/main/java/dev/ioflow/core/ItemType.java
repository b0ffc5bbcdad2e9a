package dev.ioflow.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * An item type of some type system: a Java class, a declared {@code Map} schema, or a type of the user's own.
 * Immutable.
 *
 * <pre>{@code
 * ItemType customer = ItemType.builder("Customer")
 *         .attribute(AttributeDescriptor.of("customerID", ValueKind.STRING, i -> ((Map<?, ?>) i).get("customerID")))
 *         .instances(i -> i instanceof Map<?, ?> m && "Customer".equals(m.get("itemtype")))
 *         .build();
 * }</pre>
 *
 * @since 0.1
 */
public final class ItemType {
    private final String code;
    private final Map<String, AttributeDescriptor> attributes;
    private final Predicate<Object> instances;
    private final @Nullable ItemFactory factory;
    private final @Nullable String supertype;

    private ItemType(Builder builder) {
        this.code = builder.code;
        this.supertype = builder.supertype;
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(builder.attributes));
        this.instances = builder.instances;
        this.factory = builder.factory;
    }

    /** Starts a type with the given code. */
    public static Builder builder(String code) {
        return new Builder(code);
    }

    /** The type's code, e.g. {@code Customer}; unique within its type system. */
    public String code() {
        return code;
    }

    /**
     * The code of the type this type extends directly (SAP's {@code extends}), or null when it extends none the
     * type system knows of. Its attributes include the inherited ones.
     *
     * @since 1.0
     */
    public @Nullable String supertype() {
        return supertype;
    }

    /** The attributes in declaration order. */
    public List<AttributeDescriptor> attributes() {
        return List.copyOf(attributes.values());
    }

    /** The attribute with the given qualifier, or null when the type has none. */
    public @Nullable AttributeDescriptor attribute(String name) {
        return attributes.get(name);
    }

    /** Whether {@code item} is an instance of this type (used to route events to integration objects). */
    public boolean isInstance(@Nullable Object item) {
        return item != null && instances.test(item);
    }

    /**
     * Makes and updates items of this type for inbound payloads; null when the type is read-only.
     *
     * @since 1.0
     */
    public @Nullable ItemFactory factory() {
        return factory;
    }

    @Override
    public String toString() {
        return "ItemType[" + code + ", attributes=" + attributes.keySet() + "]";
    }

    /** Builds an {@link ItemType}. */
    public static final class Builder {
        private final String code;
        private final Map<String, AttributeDescriptor> attributes = new LinkedHashMap<>();
        private Predicate<Object> instances = item -> false;
        private @Nullable ItemFactory factory;
        private @Nullable String supertype;

        private Builder(String code) {
            Objects.requireNonNull(code, "code");
            if (code.isBlank()) {
                throw new IllegalArgumentException("item type code must not be blank");
            }
            this.code = code;
        }

        /** Adds an attribute; a second attribute with the same name is an error. */
        public Builder attribute(AttributeDescriptor attribute) {
            Objects.requireNonNull(attribute, "attribute");
            if (attributes.putIfAbsent(attribute.name(), attribute) != null) {
                throw new IllegalArgumentException("item type '" + code + "' declares attribute '" + attribute.name() + "' twice");
            }
            return this;
        }

        /** Adds all the attributes, in order. */
        public Builder attributes(List<AttributeDescriptor> list) {
            new ArrayList<>(list).forEach(this::attribute);
            return this;
        }

        /** Tells which objects are items of this type (default: none, items are routed by type code). */
        public Builder instances(Predicate<Object> test) {
            this.instances = Objects.requireNonNull(test, "test");
            return this;
        }

        /**
         * Makes the type writable: inbound payloads create and update its items through {@code factory}.
         *
         * @since 1.0
         */
        public Builder factory(ItemFactory factory) {
            this.factory = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /**
         * The code of the type this type extends directly (default none); see {@link TypeSystem#isSubtype}.
         *
         * @since 1.0
         */
        public Builder supertype(@Nullable String supertypeCode) {
            this.supertype = supertypeCode == null || supertypeCode.isBlank() ? null : supertypeCode;
            return this;
        }

        /** Returns the immutable type. */
        public ItemType build() {
            return new ItemType(this);
        }
    }
}
