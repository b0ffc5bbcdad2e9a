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
import java.util.Optional;
import java.util.function.Consumer;

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
 * }</pre>
 *
 * @param code            unique code, e.g. {@code ioCustomer}
 * @param integrationType the declared use
 * @param items           the items, root first as declared
 * @since 0.1
 */
public record IntegrationObject(
        @NotBlank(message = NOT_BLANK_MESSAGE) @Pattern(regexp = NO_SEPARATORS, message = NO_SEPARATORS_MESSAGE) String code,
        IntegrationType integrationType,
        @NotEmpty(message = NO_ITEMS_MESSAGE) List<@Valid IntegrationObjectItem> items) {

    /** Copies the item list; the code is required. */
    public IntegrationObject {
        Objects.requireNonNull(code, "code");
        integrationType = integrationType == null ? IntegrationType.INBOUND : integrationType;
        items = List.copyOf(items);
    }

    /** Starts a definition with this code. */
    public static Builder builder(String code) {
        return new Builder(code);
    }

    /** The item with this code. */
    public Optional<IntegrationObjectItem> item(String itemCode) {
        return items.stream().filter(i -> i.code().equals(itemCode)).findFirst();
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

    /** Builds an {@link IntegrationObject}. */
    public static final class Builder {
        private final String code;
        private IntegrationType integrationType = IntegrationType.INBOUND;
        private final List<IntegrationObjectItem> items = new ArrayList<>();

        private Builder(String code) {
            this.code = Objects.requireNonNull(code, "code");
        }

        /** The declared use (default {@link IntegrationType#INBOUND}, as in SAP). */
        public Builder integrationType(IntegrationType type) {
            this.integrationType = Objects.requireNonNull(type, "type");
            return this;
        }

        /** Adds an item whose type code equals its item code, configured by {@code spec}. */
        public Builder item(String itemCode, Consumer<IntegrationObjectItem.Builder> spec) {
            IntegrationObjectItem.Builder builder = new IntegrationObjectItem.Builder(itemCode);
            spec.accept(builder);
            items.add(builder.build());
            return this;
        }

        /** Adds a ready-made item. */
        public Builder item(IntegrationObjectItem item) {
            items.add(Objects.requireNonNull(item, "item"));
            return this;
        }

        /** Returns the definition. It is not validated here: see {@link IntegrationObjectValidator}. */
        public IntegrationObject build() {
            return new IntegrationObject(code, integrationType, items);
        }
    }
}
