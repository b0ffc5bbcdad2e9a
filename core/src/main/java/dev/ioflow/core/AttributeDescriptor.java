package dev.ioflow.core;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One attribute of an {@link ItemType}: what SAP calls an attribute descriptor. Immutable.
 *
 * <pre>{@code
 * AttributeDescriptor email = AttributeDescriptor.of("contactEmail", ValueKind.STRING,
 *         item -> ((Customer) item).contactEmail());
 * AttributeDescriptor addresses = AttributeDescriptor.references("addresses", "Address", true,
 *         item -> ((Customer) item).addresses());
 * AttributeDescriptor tags = AttributeDescriptor.builder("tags", ValueKind.STRING, item -> ((Customer) item).tags())
 *         .many(true)
 *         .build();
 * }</pre>
 *
 * @since 0.1
 */
public final class AttributeDescriptor {
    private final String name;
    private final ValueKind kind;
    private final boolean many;
    private final @Nullable String referencedType;
    private final AttributeAccessor accessor;
    private final boolean unique;
    private final boolean mandatory;

    private AttributeDescriptor(Builder builder) {
        this.name = builder.name;
        this.kind = builder.kind;
        this.many = builder.many;
        this.referencedType = builder.referencedType;
        this.accessor = builder.accessor;
        this.unique = builder.unique;
        this.mandatory = builder.mandatory;
        if (name.isBlank()) {
            throw new IllegalArgumentException("attribute name must not be blank");
        }
        if (kind == ValueKind.ITEM && (referencedType == null || referencedType.isBlank())) {
            throw new IllegalArgumentException("attribute '" + name + "' is an ITEM reference but names no referenced type");
        }
        if (kind != ValueKind.ITEM && referencedType != null) {
            throw new IllegalArgumentException("attribute '" + name + "' of kind " + kind + " cannot reference type '" + referencedType + "'");
        }
    }

    /**
     * Starts an attribute; single-valued and referencing no type unless the builder says otherwise
     * ({@link ValueKind#ITEM} attributes must name their {@link Builder#referencedType(String) referenced type}).
     */
    public static Builder builder(String name, ValueKind kind, AttributeAccessor accessor) {
        return new Builder(name, kind, accessor);
    }

    /** A builder holding this attribute's values, to make a changed copy. */
    public Builder newBuilder() {
        return new Builder(name, kind, accessor).many(many).referencedType(referencedType).unique(unique).mandatory(mandatory);
    }

    /** A single-valued attribute of a non-reference kind. */
    public static AttributeDescriptor of(String name, ValueKind kind, AttributeAccessor accessor) {
        return builder(name, kind, accessor).build();
    }

    /** A collection attribute whose elements are of {@code elementKind} (not {@link ValueKind#ITEM}). */
    public static AttributeDescriptor collection(String name, ValueKind elementKind, AttributeAccessor accessor) {
        return builder(name, elementKind, accessor).many(true).build();
    }

    /** A reference (or, with {@code many}, a collection of references) to items of {@code referencedType}. */
    public static AttributeDescriptor references(String name, String referencedType, boolean many, AttributeAccessor accessor) {
        return builder(name, ValueKind.ITEM, accessor).many(many).referencedType(referencedType).build();
    }

    /** The attribute's qualifier in its type (e.g. {@code contactEmail}). */
    public String name() {
        return name;
    }

    /** What the attribute holds; for collections, the kind of one element. */
    public ValueKind kind() {
        return kind;
    }

    /** Whether the attribute holds a collection (or array) of {@link #kind()} values. */
    public boolean many() {
        return many;
    }

    /** For {@link ValueKind#ITEM} attributes, the code of the referenced item type; else null. */
    public @Nullable String referencedType() {
        return referencedType;
    }

    /** Reads the value from an item. */
    public AttributeAccessor accessor() {
        return accessor;
    }

    /** Whether this attribute refers to other items. */
    public boolean isReference() {
        return kind == ValueKind.ITEM;
    }

    /** Whether this attribute holds localized text. */
    public boolean isLocalized() {
        return kind == ValueKind.LOCALIZED;
    }

    /**
     * Whether the type system declares the attribute unique (SAP's {@code unique} modifier): such an attribute is a
     * key attribute of every integration-object item that maps it, whether or not the item flags it unique, as in
     * SAP Commerce. False unless the type system says so.
     *
     * @since 1.0
     */
    public boolean unique() {
        return unique;
    }

    /**
     * Whether the type system requires a value (SAP's {@code optional="false"} modifier without a default): an
     * inbound OData service declares such a property {@code Nullable="false"} in its {@code $metadata}, as SAP
     * Commerce does, and requires a value when it creates an item and refuses a null on update (SAP's
     * {@code missing_property} / {@code missing_nav_property}; see
     * {@link dev.ioflow.core.persistence.IntegrationObjectStore}). False unless the type system says so.
     *
     * @since 1.0
     */
    public boolean mandatory() {
        return mandatory;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof AttributeDescriptor d && name.equals(d.name) && kind == d.kind && many == d.many && unique == d.unique
                && mandatory == d.mandatory
                && Objects.equals(referencedType, d.referencedType) && accessor.equals(d.accessor);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, kind, many, referencedType, accessor, unique, mandatory);
    }

    @Override
    public String toString() {
        return "AttributeDescriptor[name=" + name + ", kind=" + kind + ", many=" + many + ", referencedType="
                + referencedType + ", unique=" + unique + ", mandatory=" + mandatory + ", accessor=" + accessor + "]";
    }

    /** Builds an {@link AttributeDescriptor}; {@link #build()} checks that the values fit together. */
    public static final class Builder {
        private final String name;
        private final ValueKind kind;
        private final AttributeAccessor accessor;
        private boolean many;
        private @Nullable String referencedType;
        private boolean unique;
        private boolean mandatory;

        private Builder(String name, ValueKind kind, AttributeAccessor accessor) {
            this.name = Objects.requireNonNull(name, "name");
            this.kind = Objects.requireNonNull(kind, "kind");
            this.accessor = Objects.requireNonNull(accessor, "accessor");
        }

        /** Whether the attribute holds a collection (or array) of values (default: single-valued). */
        public Builder many(boolean many) {
            this.many = many;
            return this;
        }

        /** For {@link ValueKind#ITEM} attributes, the code of the referenced item type; null for other kinds. */
        public Builder referencedType(@Nullable String referencedType) {
            this.referencedType = referencedType;
            return this;
        }

        /**
         * Whether the type system declares the attribute unique, which makes it a key attribute wherever an
         * integration object maps it (default false).
         *
         * @since 1.0
         */
        public Builder unique(boolean unique) {
            this.unique = unique;
            return this;
        }

        /**
         * Whether the type system requires a value (SAP's {@code optional="false"}); default false.
         *
         * @since 1.0
         */
        public Builder mandatory(boolean mandatory) {
            this.mandatory = mandatory;
            return this;
        }

        /**
         * Returns the attribute.
         *
         * @throws IllegalArgumentException when the name is blank, an ITEM attribute names no referenced type or
         *                                  another kind names one
         */
        public AttributeDescriptor build() {
            return new AttributeDescriptor(this);
        }
    }
}
