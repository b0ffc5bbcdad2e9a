package dev.ioflow.core.internal.inbound;

import dev.ioflow.core.AttributeDescriptor;
import dev.ioflow.core.IntegrationObjectAttribute;
import dev.ioflow.core.ItemDraft;
import dev.ioflow.core.ItemFactory;
import dev.ioflow.core.PayloadException;
import dev.ioflow.core.PayloadProblem;
import dev.ioflow.core.ValueKind;
import dev.ioflow.core.internal.validation.KeyRule;
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

    /** Whether the type system requires a value: see {@link AttributeDescriptor#mandatory()}. */
    boolean mandatory() {
        return descriptor != null && descriptor.mandatory();
    }

    /**
     * Whether a key attribute may be null when another key attribute has a value: see {@link KeyRule#mayBeNull}.
     */
    boolean nullableKey() {
        return KeyRule.mayBeNull(definition, descriptor);
    }

    /**
     * Whether a value is many or a map, which an update given null keeps (SAP's collection and map rules) rather
     * than clears.
     */
    boolean keptWhenNull() {
        return descriptor != null && (descriptor.many() || descriptor.kind() == ValueKind.MAP);
    }

    /**
     * What a missing value of this mandatory attribute is: {@link PayloadProblem.Kind#MISSING_ITEM} (SAP's
     * {@code missing_nav_property}) for what {@code $metadata} declares a navigation property (a reference, an enum,
     * a collection, a map), else {@link PayloadProblem.Kind#MISSING_VALUE} (SAP's {@code missing_property}).
     */
    PayloadProblem missing(String path, String itemCode, String why) {
        boolean navigation = returnItem() != null || keptWhenNull() || kind() == ValueKind.ENUM;
        return new PayloadProblem(path, navigation ? PayloadProblem.Kind.MISSING_ITEM : PayloadProblem.Kind.MISSING_VALUE,
                (navigation ? "NavigationProperty [" : "Property [") + name() + "] is required for EntityType [" + itemCode
                        + "]: the attribute is mandatory, but " + why);
    }

    /**
     * {@code value} converted by the item factory for this attribute.
     *
     * @throws PayloadException an {@link PayloadProblem.Kind#INVALID_VALUE} problem at the attribute in {@code draft}
     *                          when the factory refuses it
     */
    @Nullable Object converted(ItemFactory factory, Object value, ItemDraft draft) {
        try {
            return factory.convert(source(), value);
        } catch (RuntimeException e) {
            throw new PayloadException(new PayloadProblem(draft.path() + "." + name(), PayloadProblem.Kind.INVALID_VALUE,
                    String.valueOf(e.getMessage())));
        }
    }
}
