package dev.ioflow.core;

import static dev.ioflow.core.internal.validation.FieldConstraints.NOT_BLANK_MESSAGE;
import static dev.ioflow.core.internal.validation.FieldConstraints.NO_ITEMS_MESSAGE;
import static dev.ioflow.core.internal.validation.FieldConstraints.NO_SEPARATORS;
import static dev.ioflow.core.internal.validation.FieldConstraints.NO_SEPARATORS_MESSAGE;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * An integration object: a named projection of an item type (the root item) and the items it reaches.
 * Immutable, and only a definition: it is checked against a {@link TypeSystem} by
 * {@link IntegrationObjectValidator} and turned into payloads by {@link PayloadRenderer}.
 *
 * <pre>{@code
 * IntegrationObject ioCustomer = IntegrationObject.builder("ioCustomer")
 *         .item("Customer", item -> item.root()
 *                 .attribute("customerID", a -> a.unique())
 *                 .attribute("contactEmail"))
 *         .build();
 * IntegrationObject outbound = ioCustomer.newBuilder().integrationType(IntegrationType.OUTBOUND).build();
 * }</pre>
 *
 * @since 0.1
 */
public final class IntegrationObject {
    @NotBlank(message = NOT_BLANK_MESSAGE)
    @Pattern(regexp = NO_SEPARATORS, message = NO_SEPARATORS_MESSAGE)
    private final String code;
    private final IntegrationType integrationType;
    @NotEmpty(message = NO_ITEMS_MESSAGE)
    private final List<@Valid IntegrationObjectItem> items;

    private IntegrationObject(Builder builder) {
        this.code = builder.code;
        this.integrationType = builder.integrationType;
        this.items = List.copyOf(builder.items);
    }

    /** Starts a definition with this code. */
    public static Builder builder(String code) {
        return new Builder(code);
    }

    /** A builder holding this definition's values (and its items), to make a changed copy. */
    public Builder newBuilder() {
        return new Builder(this);
    }

    /** The unique code, e.g. {@code ioCustomer}. */
    public String code() {
        return code;
    }

    /** The declared use. */
    public IntegrationType integrationType() {
        return integrationType;
    }

    /** The items, root first as declared. */
    public List<IntegrationObjectItem> items() {
        return items;
    }

    /** The item with this code, or null when there is none. */
    public @Nullable IntegrationObjectItem item(String itemCode) {
        for (IntegrationObjectItem item : items) {
            if (item.code().equals(itemCode)) {
                return item;
            }
        }
        return null;
    }

    /**
     * The root item.
     *
     * @throws InvalidDefinitionException when there is no root item or more than one
     */
    public IntegrationObjectItem rootItem() {
        List<IntegrationObjectItem> roots = items.stream().filter(IntegrationObjectItem::root).toList();
        if (roots.size() != 1) {
            throw new InvalidDefinitionException(List.of(new DefinitionProblem(code + "/items",
                    roots.isEmpty() ? "no item is marked as root" : "more than one item is marked as root: "
                            + roots.stream().map(IntegrationObjectItem::code).toList())));
        }
        return roots.get(0);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof IntegrationObject io && code.equals(io.code) && integrationType == io.integrationType
                && items.equals(io.items);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, integrationType, items);
    }

    @Override
    public String toString() {
        return "IntegrationObject[code=" + code + ", integrationType=" + integrationType + ", items=" + items + "]";
    }

    /** Builds an {@link IntegrationObject}. */
    public static final class Builder {
        private final String code;
        private IntegrationType integrationType = IntegrationType.INBOUND;
        private final List<IntegrationObjectItem> items = new ArrayList<>();

        private Builder(String code) {
            this.code = Objects.requireNonNull(code, "code");
        }

        private Builder(IntegrationObject io) {
            this.code = io.code;
            this.integrationType = io.integrationType;
            this.items.addAll(io.items);
        }

        /** The declared use (default {@link IntegrationType#INBOUND}, as in SAP). */
        public Builder integrationType(IntegrationType type) {
            this.integrationType = Objects.requireNonNull(type, "type");
            return this;
        }

        /** Adds an item whose type code equals its item code, configured by {@code spec}. */
        public Builder item(String itemCode, Consumer<IntegrationObjectItem.Builder> spec) {
            IntegrationObjectItem.Builder builder = IntegrationObjectItem.builder(itemCode);
            spec.accept(builder);
            return item(builder.build());
        }

        /** Adds a ready-made item. */
        public Builder item(IntegrationObjectItem item) {
            items.add(Objects.requireNonNull(item, "item"));
            return this;
        }

        /** Adds ready-made items, in order. */
        public Builder items(List<IntegrationObjectItem> list) {
            new ArrayList<>(list).forEach(this::item);
            return this;
        }

        /** Returns the definition. It is not validated here: see {@link IntegrationObjectValidator}. */
        public IntegrationObject build() {
            return new IntegrationObject(this);
        }
    }
}
