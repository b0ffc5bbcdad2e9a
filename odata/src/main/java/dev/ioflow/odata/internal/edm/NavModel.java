package dev.ioflow.odata.internal.edm;

import dev.ioflow.core.AttributeDescriptor;
import dev.ioflow.core.IntegrationObjectAttribute;
import org.jspecify.annotations.Nullable;

/**
 * A navigation property: a reference to another IO item, a collection of primitives, a map or the
 * {@code localizedAttributes} of an item.
 *
 * @param name       the navigation property name
 * @param kind       what the navigation leads to
 * @param attribute  the IO attribute, {@code null} for {@code localizedAttributes}
 * @param descriptor the type-system attribute, {@code null} for {@code localizedAttributes}
 * @param target     the entity type (item code or helper type name) it leads to
 * @param toRole     the association's target role (SAP uses the Java class name for primitive collections)
 * @param many       whether it leads to a feed
 */
public record NavModel(String name, Kind kind, @Nullable IntegrationObjectAttribute attribute,
                       @Nullable AttributeDescriptor descriptor, String target, String toRole, boolean many) {

    /** What a navigation property leads to. */
    public enum Kind {
        /** A reference to IO items. */
        ITEM,
        /** A collection of primitive values (helper type with key {@code value}). */
        PRIMITIVES,
        /** A map (helper type with key {@code key}). */
        MAP,
        /** The {@code localizedAttributes} of an item. */
        LOCALIZED,
        /** An enum value or collection of them: SAP's helper type with a unique {@code code}, {@code {"code":"MALE"}}. */
        ENUM
    }

    /** Whether referenced items may be created by a deep POST ({@code autoCreate} or {@code partOf}). */
    public boolean creates() {
        return attribute != null && (attribute.autoCreate() || attribute.partOf());
    }
}
