package dev.ioflow.core;

import static dev.ioflow.core.internal.validation.FieldConstraints.NOT_BLANK_MESSAGE;
import static dev.ioflow.core.internal.validation.FieldConstraints.NO_SEPARATORS;
import static dev.ioflow.core.internal.validation.FieldConstraints.NO_SEPARATORS_MESSAGE;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One attribute of an {@link IntegrationObjectItem}: a payload name mapped to an attribute of the item's type
 * (or, when {@link #isVirtual() virtual}, to a function named by {@link #logicLocation()}). Immutable; made by
 * {@link IntegrationObjectItem.Builder#attribute(String, java.util.function.Consumer)} or {@link #builder(String)}.
 *
 * <pre>{@code
 * IntegrationObjectAttribute address = IntegrationObjectAttribute.builder("defaultAddress")
 *         .source("defaultPaymentAddress")
 *         .item("Address")
 *         .build();
 * }</pre>
 *
 * @since 0.1
 */
public final class IntegrationObjectAttribute {
    @NotBlank(message = NOT_BLANK_MESSAGE)
    @Pattern(regexp = NO_SEPARATORS, message = NO_SEPARATORS_MESSAGE)
    private final String name;
    private final @Nullable String source;
    private final boolean unique;
    private final boolean autoCreate;
    private final boolean partOf;
    private final @Nullable String returnItem;
    private final @Nullable String logicLocation;
    private final @Nullable String descriptorType;
    private final @Nullable ClassAttributeAssignment classification;

    private IntegrationObjectAttribute(Builder builder) {
        this.name = builder.name;
        this.source = blankToNull(builder.source);
        this.unique = builder.unique;
        this.autoCreate = builder.autoCreate;
        this.partOf = builder.partOf;
        this.returnItem = blankToNull(builder.returnItem);
        this.logicLocation = blankToNull(builder.logicLocation);
        this.descriptorType = blankToNull(builder.descriptorType);
        this.classification = builder.classification;
    }

    /**
     * Starts an attribute with this payload name, read from the type's attribute of the same name unless
     * {@link Builder#source(String)} says otherwise.
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A builder holding this attribute's values, to make a changed copy. */
    public Builder newBuilder() {
        return new Builder(this);
    }

    /** The name in the payload (SAP's {@code attributeName}). */
    public String name() {
        return name;
    }

    /** The qualifier of the type's attribute it reads (SAP's {@code attributeDescriptor}); null when virtual. */
    public @Nullable String source() {
        return source;
    }

    /** Whether the attribute is part of the item's integration key. */
    public boolean unique() {
        return unique;
    }

    /** Whether a referenced item may be created by an inbound payload (SAP's {@code autoCreate}). */
    public boolean autoCreate() {
        return autoCreate;
    }

    /** Whether a referenced item is part of (owned by) this item (SAP's {@code partOf}). */
    public boolean partOf() {
        return partOf;
    }

    /** For references and collections of items: the code of the nested integration-object item; else null. */
    public @Nullable String returnItem() {
        return returnItem;
    }

    /** For virtual attributes: where the value comes from, e.g. {@code model://fullName}; else null. */
    public @Nullable String logicLocation() {
        return logicLocation;
    }

    /** Whether the value is computed by a function rather than read from the type's attribute. */
    public boolean isVirtual() {
        return logicLocation != null;
    }

    /**
     * The type that declares the source attribute (the {@code enclosingType} of SAP's attribute descriptor) when
     * the definition names one: the item's type or one of its supertypes, e.g. {@code Product} for
     * {@code Product:europe1Prices} on a {@code GenericVariantProduct} item; null when not named.
     *
     * @since 1.0
     */
    public @Nullable String descriptorType() {
        return descriptorType;
    }

    /**
     * For classification attributes (SAP's {@code IntegrationObjectItemClassificationAttribute}): the classification
     * attribute whose value it renders, supplied by a {@link ClassificationValues}; else null.
     *
     * @since 1.0
     */
    public @Nullable ClassAttributeAssignment classification() {
        return classification;
    }

    /**
     * Whether the value is a classification attribute's (a product feature's) rather than a type attribute's.
     *
     * @since 1.0
     */
    public boolean isClassification() {
        return classification != null;
    }

    /** Whether the attribute renders a nested integration-object item. */
    public boolean isNested() {
        return returnItem != null;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof IntegrationObjectAttribute a && name.equals(a.name) && Objects.equals(source, a.source)
                && unique == a.unique && autoCreate == a.autoCreate && partOf == a.partOf
                && Objects.equals(returnItem, a.returnItem) && Objects.equals(logicLocation, a.logicLocation)
                && Objects.equals(descriptorType, a.descriptorType) && Objects.equals(classification, a.classification);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, source, unique, autoCreate, partOf, returnItem, logicLocation, descriptorType, classification);
    }

    @Override
    public String toString() {
        return "IntegrationObjectAttribute[name=" + name + ", source=" + source + ", unique=" + unique
                + ", autoCreate=" + autoCreate + ", partOf=" + partOf + ", returnItem=" + returnItem
                + ", logicLocation=" + logicLocation + ", descriptorType=" + descriptorType
                + ", classification=" + classification + "]";
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Builds an {@link IntegrationObjectAttribute}; blank optional values are treated as absent. */
    public static final class Builder {
        private final String name;
        private @Nullable String source;
        private boolean unique;
        private boolean autoCreate;
        private boolean partOf;
        private @Nullable String returnItem;
        private @Nullable String logicLocation;
        private @Nullable String descriptorType;
        private @Nullable ClassAttributeAssignment classification;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
            this.source = name;
        }

        private Builder(IntegrationObjectAttribute attribute) {
            this.name = attribute.name;
            this.source = attribute.source;
            this.unique = attribute.unique;
            this.autoCreate = attribute.autoCreate;
            this.partOf = attribute.partOf;
            this.returnItem = attribute.returnItem;
            this.logicLocation = attribute.logicLocation;
            this.descriptorType = attribute.descriptorType;
            this.classification = attribute.classification;
        }

        /** The qualifier of the type's attribute to read (default: the payload name); null for none. */
        public Builder source(@Nullable String source) {
            this.source = source;
            return this;
        }

        /** Makes the attribute part of the integration key. */
        public Builder unique() {
            return unique(true);
        }

        /** Sets whether the attribute is part of the integration key. */
        public Builder unique(boolean unique) {
            this.unique = unique;
            return this;
        }

        /** Sets SAP's {@code autoCreate} flag. */
        public Builder autoCreate(boolean autoCreate) {
            this.autoCreate = autoCreate;
            return this;
        }

        /** Sets SAP's {@code partOf} flag. */
        public Builder partOf(boolean partOf) {
            this.partOf = partOf;
            return this;
        }

        /** Renders the referenced item(s) through the nested integration-object item with this code; null for none. */
        public Builder item(@Nullable String returnItemCode) {
            this.returnItem = returnItemCode;
            return this;
        }

        /**
         * Makes the attribute virtual: its value comes from the function registered under this location, and it
         * has no source. Null makes it not virtual again.
         */
        public Builder logicLocation(@Nullable String logicLocation) {
            this.logicLocation = logicLocation;
            if (logicLocation != null) {
                this.source = null;
            }
            return this;
        }

        /**
         * The type that declares the source attribute, when it is a supertype of the item's type (SAP's
         * {@code attributeDescriptor(enclosingType(code), qualifier)}); null for the item's own type.
         *
         * @since 1.0
         */
        public Builder descriptorType(@Nullable String typeCode) {
            this.descriptorType = typeCode;
            return this;
        }

        /**
         * Makes the attribute a classification attribute: its value is this classification attribute's, supplied
         * by a {@link ClassificationValues}, and it has no source. Null makes it an ordinary attribute again.
         *
         * @since 1.0
         */
        public Builder classification(@Nullable ClassAttributeAssignment assignment) {
            this.classification = assignment;
            if (assignment != null) {
                this.source = null;
            }
            return this;
        }

        /** Returns the attribute. It is not validated here: see {@link IntegrationObjectValidator}. */
        public IntegrationObjectAttribute build() {
            return new IntegrationObjectAttribute(this);
        }
    }
}
