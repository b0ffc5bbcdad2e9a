package dev.ioflow.core.internal.inbound;

import dev.ioflow.core.AttributeDescriptor;
import dev.ioflow.core.IntegrationObjectAttribute;
import dev.ioflow.core.ValueKind;
import org.jspecify.annotations.Nullable;

/**
 * One integration-object attribute as inbound operations see it.
 *
 * @param definition the attribute as defined
 * @param descriptor the type's attribute it writes; null for virtual and classification attributes, which are read-only
 *                   inbound (their values are computed or kept outside the item)
 */
record AttrPlan(IntegrationObjectAttribute definition, @Nullable AttributeDescriptor descriptor) {

    /** The payload name. */
    String name() {
        return definition.name();
    }

    /** The type's attribute name. */
    String source() {
        return descriptor == null ? definition.name() : descriptor.name();
    }

    boolean virtual() {
        return descriptor == null;
    }

    boolean unique() {
        return definition.unique();
    }

    /** The nested integration-object item's code, or null. */
    @Nullable String returnItem() {
        return definition.returnItem();
    }

    /** Whether a nested item may be created through this attribute. */
    boolean creates() {
        return definition.autoCreate() || definition.partOf();
    }

    ValueKind kind() {
        return descriptor == null ? ValueKind.ANY : descriptor.kind();
    }

    boolean many() {
        return descriptor != null && descriptor.many();
    }
}
