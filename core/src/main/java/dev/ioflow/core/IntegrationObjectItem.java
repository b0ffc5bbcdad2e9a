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
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One item of an {@link IntegrationObject}: a projection of an item type onto a list of attributes.
 * Immutable; made by {@link IntegrationObject.Builder#item(String, Consumer)}.
 *
 * @param code           the item's code, unique within its integration object (e.g. {@code Customer})
 * @param type           the code of the item type it projects (SAP's {@code type})
 * @param root           whether this is the integration object's root item
 * @param itemTypeMatch  which sub- and super-types match
 * @param attributes     the attributes in payload order
 * @since 0.1
 */
public record IntegrationObjectItem(
        @NotBlank(message = NOT_BLANK_MESSAGE) @Pattern(regexp = NO_SEPARATORS, message = NO_SEPARATORS_MESSAGE) String code,
        @NotBlank(message = NOT_BLANK_MESSAGE) String type,
        boolean root,
        ItemTypeMatch itemTypeMatch,
        List<@Valid IntegrationObjectAttribute> attributes) {

    /** Copies the attribute list; code and type are required. */
    public IntegrationObjectItem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(type, "type");
        itemTypeMatch = itemTypeMatch == null ? ItemTypeMatch.ALL_SUB_AND_SUPER_TYPES : itemTypeMatch;
        attributes = List.copyOf(attributes);
    }

    /** The first attribute with this payload name. */
    public Optional<IntegrationObjectAttribute> attribute(String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** The attributes that form the item's key (its unique attributes), in payload order. */
    public List<IntegrationObjectAttribute> uniqueAttributes() {
        return attributes.stream().filter(IntegrationObjectAttribute::unique).toList();
    }

    /** Builds an item; see {@link IntegrationObject#builder(String)}. */
    public static final class Builder {
        private final String code;
        private String type;
        private boolean root;
        private ItemTypeMatch itemTypeMatch = ItemTypeMatch.ALL_SUB_AND_SUPER_TYPES;
        private final List<IntegrationObjectAttribute> attributes = new ArrayList<>();

        Builder(String code) {
            this.code = Objects.requireNonNull(code, "code");
            this.type = code;
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
            return attribute(name, a -> { });
        }

        /**
         * Adds an attribute configured by {@code spec}:
         * <pre>{@code item.attribute("customerID", a -> a.source("uid").unique())}</pre>
         */
        public Builder attribute(String name, Consumer<AttributeBuilder> spec) {
            AttributeBuilder builder = new AttributeBuilder(name);
            spec.accept(builder);
            attributes.add(builder.build());
            return this;
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

        IntegrationObjectItem build() {
            return new IntegrationObjectItem(code, type, root, itemTypeMatch, attributes);
        }
    }

    /** Builds one attribute; the source defaults to the payload name. */
    public static final class AttributeBuilder {
        private final String name;
        private String source;
        private boolean unique;
        private boolean autoCreate;
        private boolean partOf;
        private String returnItem;
        private String logicLocation;

        AttributeBuilder(String name) {
            this.name = Objects.requireNonNull(name, "name");
            this.source = name;
        }

        /** The qualifier of the type's attribute to read (default: the payload name). */
        public AttributeBuilder source(String source) {
            this.source = source;
            return this;
        }

        /** Makes the attribute part of the integration key. */
        public AttributeBuilder unique() {
            return unique(true);
        }

        /** Sets whether the attribute is part of the integration key. */
        public AttributeBuilder unique(boolean unique) {
            this.unique = unique;
            return this;
        }

        /** Sets SAP's {@code autoCreate} flag. */
        public AttributeBuilder autoCreate(boolean autoCreate) {
            this.autoCreate = autoCreate;
            return this;
        }

        /** Sets SAP's {@code partOf} flag. */
        public AttributeBuilder partOf(boolean partOf) {
            this.partOf = partOf;
            return this;
        }

        /** Renders the referenced item(s) through the nested integration-object item with this code. */
        public AttributeBuilder item(String returnItemCode) {
            this.returnItem = returnItemCode;
            return this;
        }

        /** Makes the attribute virtual: its value comes from the function registered under this location. */
        public AttributeBuilder logicLocation(String logicLocation) {
            this.logicLocation = logicLocation;
            if (logicLocation != null) {
                this.source = null;
            }
            return this;
        }

        IntegrationObjectAttribute build() {
            return new IntegrationObjectAttribute(name, source, unique, autoCreate, partOf, returnItem, logicLocation);
        }
    }
}
