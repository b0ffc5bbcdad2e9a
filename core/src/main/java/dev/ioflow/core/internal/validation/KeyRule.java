package dev.ioflow.core.internal.validation;

import dev.ioflow.core.AttributeDescriptor;
import dev.ioflow.core.IntegrationObjectAttribute;
import dev.ioflow.core.ItemType;
import org.jspecify.annotations.Nullable;

/**
 * SAP Commerce's rule for key attributes: an integration-object attribute is part of its item's integration key
 * when the integration object flags it unique OR the type system declares the attribute it reads unique
 * ({@code Product.code} and {@code Product.catalogVersion} in SAP's platform types). Virtual and classification
 * attributes read no type attribute, so only their own flag counts.
 */
public final class KeyRule {
    private KeyRule() {
    }

    /**
     * Whether {@code attribute} is a key attribute of an item of {@code type}.
     *
     * @param type the item's type, or null without a type system (then only the flag counts)
     */
    public static boolean isKey(IntegrationObjectAttribute attribute, @Nullable ItemType type) {
        if (attribute.unique()) {
            return true;
        }
        String source = attribute.source();
        if (type == null || source == null || attribute.isVirtual() || attribute.isClassification()) {
            return false;
        }
        AttributeDescriptor descriptor = type.attribute(source);
        return descriptor != null && descriptor.unique();
    }
}
