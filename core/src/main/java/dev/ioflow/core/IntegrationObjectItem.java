package dev.ioflow.core;

import static dev.ioflow.core.internal.validation.FieldConstraints.NOT_BLANK_MESSAGE;
import static dev.ioflow.core.internal.validation.FieldConstraints.NO_SEPARATORS;
import static dev.ioflow.core.internal.validation.FieldConstraints.NO_SEPARATORS_MESSAGE;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One item of an {@link IntegrationObject}: a projection of an item type onto a list of attributes.
 * Immutable; made by {@link IntegrationObject.Builder#item(String, Consumer)} or {@link #builder(String)}.
 *
 * <pre>{@code
 * IntegrationObjectItem customer = IntegrationObjectItem.builder("Customer")
 *         .type("B2BCustomer")
 *         .root()
 *         .attribute("customerID", a -> a.source("uid").unique())
 *         .build();
 * }</pre>
 *
 * @since 0.1
 */
public final class IntegrationObjectItem {
    @NotBlank(message = NOT_BLANK_MESSAGE)
    @Pattern(regexp = NO_SEPARATORS, message = NO_SEPARATORS_MESSAGE)
    private final String code;
    @NotBlank(message = NOT_BLANK_MESSAGE)
    private final String type;
    private final boolean root;
    private final ItemTypeMatch itemTypeMatch;
    private final List<@Valid IntegrationObjectAttribute> attributes;

    private IntegrationObjectItem(Builder builder) {
        this.code = builder.code;
        this.type = builder.type;
        this.root = builder.root;
        this.itemTypeMatch = builder.itemTypeMatch;
        this.attributes = List.copyOf(builder.attributes);
    }

    /** Starts an item with this code, projecting the item type of the same code unless {@link Builder#type(String)} says otherwise. */
    public static Builder builder(String code) {
        return new Builder(code);
    }

    /** A builder holding this item's values (and its attributes), to make a changed copy. */
    public Builder newBuilder() {
        return new Builder(this);
    }

    /** The item's code, unique within its integration object (e.g. {@code Customer}). */
    public String code() {
        return code;
    }

    /** The code of the item type it projects (SAP's {@code type}). */
    public String type() {
        return type;
    }

    /** Whether this is the integration object's root item. */
    public boolean root() {
        return root;
    }

    /** Which sub- and super-types match. */
    public ItemTypeMatch itemTypeMatch() {
        return itemTypeMatch;
    }

    /** The attributes in payload order. */
    public List<IntegrationObjectAttribute> attributes() {
        return attributes;
    }

    /** The first attribute with this payload name, or null when there is none. */
    public @Nullable IntegrationObjectAttribute attribute(String name) {
        for (IntegrationObjectAttribute attribute : attributes) {
            if (attribute.name().equals(name)) {
                return attribute;
            }
        }
        return null;
    }

    /** The attributes that form the item's key (its unique attributes), in payload order. */
    public List<IntegrationObjectAttribute> uniqueAttributes() {
        return attributes.stream().filter(IntegrationObjectAttribute::unique).toList();
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof IntegrationObjectItem i && code.equals(i.code) && type.equals(i.type) && root == i.root
                && itemTypeMatch == i.itemTypeMatch && attributes.equals(i.attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, type, root, itemTypeMatch, attributes);
    }

    @Override
    public String toString() {
        return "IntegrationObjectItem[code=" + code + ", type=" + type + ", root=" + root + ", itemTypeMatch="
                + itemTypeMatch + ", attributes=" + attributes + "]";
    }

    /** Builds an {@link IntegrationObjectItem}; see also {@link IntegrationObject#builder(String)}. */
    public static final class Builder {
        private final String code;
        private String type;
        private boolean root;
        private ItemTypeMatch itemTypeMatch = ItemTypeMatch.ALL_SUB_AND_SUPER_TYPES;
        private final List<IntegrationObjectAttribute> attributes = new ArrayList<>();

        private Builder(String code) {
            this.code = Objects.requireNonNull(code, "code");
            this.type = code;
        }

        private Builder(IntegrationObjectItem item) {
            this.code = item.code;
            this.type = item.type;
            this.root = item.root;
            this.itemTypeMatch = item.itemTypeMatch;
            this.attributes.addAll(item.attributes);
        }

        /** The item type it projects; defaults to the item's code. */
        public Builder type(String type) {
            this.type = Objects.requireNonNull(type, "type");
            return this;
        }

        /** Marks this item as the integration object's root. */
        public Builder root() {
            return root(true);
        }

        /** Sets whether this item is the integration object's root. */
        public Builder root(boolean root) {
            this.root = root;
            return this;
        }

        /** Which sub- and super-types match (default {@link ItemTypeMatch#ALL_SUB_AND_SUPER_TYPES}). */
        public Builder itemTypeMatch(ItemTypeMatch match) {
            this.itemTypeMatch = Objects.requireNonNull(match, "match");
            return this;
        }

        /** Adds an attribute read from the type's attribute of the same name. */
        public Builder attribute(String name) {
            return attribute(IntegrationObjectAttribute.builder(name).build());
        }

        /**
         * Adds an attribute configured by {@code spec}:
         * <pre>{@code item.attribute("customerID", a -> a.source("uid").unique())}</pre>
         */
        public Builder attribute(String name, Consumer<IntegrationObjectAttribute.Builder> spec) {
            IntegrationObjectAttribute.Builder builder = IntegrationObjectAttribute.builder(name);
            spec.accept(builder);
            return attribute(builder.build());
        }

        /** Adds a virtual attribute computed by the function registered under {@code logicLocation}. */
        public Builder virtualAttribute(String name, String logicLocation) {
            return attribute(name, a -> a.source(null).logicLocation(logicLocation));
        }

        /** Adds a ready-made attribute. */
        public Builder attribute(IntegrationObjectAttribute attribute) {
            attributes.add(Objects.requireNonNull(attribute, "attribute"));
            return this;
        }

        /** Adds ready-made attributes, in order. */
        public Builder attributes(List<IntegrationObjectAttribute> list) {
            new ArrayList<>(list).forEach(this::attribute);
            return this;
        }

        /** Returns the item. It is not validated here: see {@link IntegrationObjectValidator}. */
        public IntegrationObjectItem build() {
            return new IntegrationObjectItem(this);
        }
    }
}
