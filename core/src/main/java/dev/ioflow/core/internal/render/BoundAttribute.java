package dev.ioflow.core.internal.render;

import dev.ioflow.core.AttributeAccessor;
import dev.ioflow.core.IntegrationObjectAttribute;

/**
 * An integration-object attribute bound to how its value is read.
 *
 * @param definition the attribute as defined
 * @param accessor   the type's accessor, or the virtual function adapted to one
 * @param localized  whether the value is localized text (a {@code Map<Locale, String>})
 */
record BoundAttribute(IntegrationObjectAttribute definition, AttributeAccessor accessor, boolean localized) {

    String name() {
        return definition.name();
    }

    boolean unique() {
        return definition.unique();
    }

    /** The code of the nested integration-object item, or null. */
    String returnItem() {
        return definition.returnItem();
    }
}
