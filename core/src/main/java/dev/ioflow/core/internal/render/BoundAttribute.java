package dev.ioflow.core.internal.render;

import dev.ioflow.core.AttributeAccessor;
import dev.ioflow.core.IntegrationObjectAttribute;

/**
 * An integration-object attribute bound to how its value is read.
 *
 * @param definition the attribute as defined
 * @param accessor   the type's accessor, or the virtual function or classification values adapted to one
 * @param localized  whether the value is localized text (a {@code Map<Locale, String>})
 * @param key        whether it is part of the item's integration key (flagged unique, or unique in the type system)
 * @param mayBeNull  whether a null value may be keyed as {@code null}: see
 *                   {@link dev.ioflow.core.internal.validation.KeyRule#mayBeNull KeyRule}
 */
record BoundAttribute(IntegrationObjectAttribute definition, AttributeAccessor accessor, boolean localized, boolean key,
                      boolean mayBeNull) {

    String name() {
        return definition.name();
    }

    /** Whether it is a key attribute: see {@code KeyRule}. */
    boolean unique() {
        return key;
    }

    /** The code of the nested integration-object item, or null. */
    String returnItem() {
        return definition.returnItem();
    }
}
