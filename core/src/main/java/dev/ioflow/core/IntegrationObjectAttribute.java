package dev.ioflow.core;

import static dev.ioflow.core.internal.validation.FieldConstraints.NOT_BLANK_MESSAGE;
import static dev.ioflow.core.internal.validation.FieldConstraints.NO_SEPARATORS;
import static dev.ioflow.core.internal.validation.FieldConstraints.NO_SEPARATORS_MESSAGE;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.Objects;

/**
 * One attribute of an {@link IntegrationObjectItem}: a payload name mapped to an attribute of the item's type
 * (or, when {@link #isVirtual() virtual}, to a function named by {@code logicLocation}).
 * Immutable; made by {@link IntegrationObjectItem.Builder#attribute(String, java.util.function.Consumer)}.
 *
 * @param name           the name in the payload (SAP's {@code attributeName})
 * @param source         the qualifier of the type's attribute it reads (SAP's {@code attributeDescriptor}); null when virtual
 * @param unique         whether the attribute is part of the item's integration key
 * @param autoCreate     whether a referenced item may be created by an inbound payload
 * @param partOf         whether a referenced item is part of (owned by) this item
 * @param returnItem     for references and collections of items: the code of the nested integration-object item; else null
 * @param logicLocation  for virtual attributes: where the value comes from, e.g. {@code model://fullName}; else null
 * @since 0.1
 */
public record IntegrationObjectAttribute(
        @NotBlank(message = NOT_BLANK_MESSAGE) @Pattern(regexp = NO_SEPARATORS, message = NO_SEPARATORS_MESSAGE) String name,
        String source, boolean unique, boolean autoCreate, boolean partOf, String returnItem, String logicLocation) {

    /** Requires a name; blank optional values are treated as absent. */
    public IntegrationObjectAttribute {
        Objects.requireNonNull(name, "name");
        source = blankToNull(source);
        returnItem = blankToNull(returnItem);
        logicLocation = blankToNull(logicLocation);
    }

    /** Whether the value is computed by a function rather than read from the type's attribute. */
    public boolean isVirtual() {
        return logicLocation != null;
    }

    /** Whether the attribute renders a nested integration-object item. */
    public boolean isNested() {
        return returnItem != null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
