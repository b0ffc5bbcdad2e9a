package dev.ioflow.core.internal.validation;

import dev.ioflow.core.AttributeDescriptor;
import dev.ioflow.core.IntegrationObjectAttribute;
import dev.ioflow.core.ItemType;
import org.jspecify.annotations.Nullable;

/**
 * SAP Commerce's rules for key attributes, the one place both directions take them from: the renderer's integration
 * keys (outbound, and the keys the inbound store computes) and the inbound reader's and store's key checks.
 *
 * <p><b>Which attributes are key attributes:</b> an integration-object attribute is part of its item's integration
 * key when the integration object flags it unique OR the type system declares the attribute it reads unique
 * ({@code Product.code} and {@code Product.catalogVersion} in SAP's platform types). Virtual and classification
 * attributes read no type attribute, so only their own flag counts.
 *
 * <p><b>When a key value may be null:</b> SAP's inbound service allows "null primitive optional key parts", and its
 * integration key renders "a missing key value as {@code null}". ioflow follows that only where the key still names
 * an item: a null part is keyed as the text {@value #NULL_PART} when (a) {@link #mayBeNull its attribute} is a
 * primitive the type system does not require (neither mandatory nor unique, so {@code Nullable="true"} in
 * {@code $metadata}), and (b) {@link #hasValue another part of the key has a value}: {@code c1|null}. A null key
 * reference, a null required value, the null value of a single-part key and a key whose parts are all null have no
 * key: the renderer throws {@link dev.ioflow.core.MissingKeyValueException}, the reader reports
 * {@link dev.ioflow.core.PayloadProblem.Kind#MISSING_KEY} (400 {@code missing_key}).
 */
public final class KeyRule {
    /** The key text of a null value of a key attribute that {@link #mayBeNull may be null}. */
    public static final String NULL_PART = "null";

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

    /**
     * Rule (a): whether a null value of the key attribute may be keyed as {@value #NULL_PART}, provided
     * {@link #hasValue another part has a value}: a primitive (not a reference) the type system declares neither
     * mandatory nor unique.
     *
     * @param descriptor the type's attribute it reads; null for virtual and classification attributes, which never
     *                   may be null in a key
     */
    public static boolean mayBeNull(IntegrationObjectAttribute attribute, @Nullable AttributeDescriptor descriptor) {
        return descriptor != null && attribute.returnItem() == null && descriptor.referencedType() == null
                && !descriptor.mandatory() && !descriptor.unique();
    }

    /**
     * Rule (b): whether a key of {@code parts} parts, {@code nullParts} of which are null (each {@link #mayBeNull
     * allowed to be}), still names an item: at least one part has a value. Never true for a single part that is null.
     */
    public static boolean hasValue(int parts, int nullParts) {
        return nullParts < parts;
    }
}
