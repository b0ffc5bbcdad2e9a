package dev.ioflow.core;

import java.util.Objects;

/**
 * One attribute of an {@link ItemType}: what SAP calls an attribute descriptor.
 *
 * <pre>{@code
 * AttributeDescriptor email = AttributeDescriptor.of("contactEmail", ValueKind.STRING,
 *         item -> ((Customer) item).contactEmail());
 * AttributeDescriptor addresses = AttributeDescriptor.references("addresses", "Address", true,
 *         item -> ((Customer) item).addresses());
 * }</pre>
 *
 * @param name           the attribute's qualifier in its type (e.g. {@code contactEmail})
 * @param kind           what the attribute holds; for collections, the kind of one element
 * @param many           whether the attribute holds a collection (or array) of {@code kind} values
 * @param referencedType for {@link ValueKind#ITEM} attributes, the code of the referenced item type; else null
 * @param accessor       reads the value from an item
 * @since 0.1
 */
public record AttributeDescriptor(String name, ValueKind kind, boolean many, String referencedType,
                                  AttributeAccessor accessor) {

    /** Checks the components: name, kind and accessor are required; ITEM attributes name their type. */
    public AttributeDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(accessor, "accessor");
        if (name.isBlank()) {
            throw new IllegalArgumentException("attribute name must not be blank");
        }
        if (kind == ValueKind.ITEM && (referencedType == null || referencedType.isBlank())) {
            throw new IllegalArgumentException("attribute '" + name + "' is an ITEM reference but names no referenced type");
        }
        if (kind != ValueKind.ITEM && referencedType != null) {
            throw new IllegalArgumentException("attribute '" + name + "' of kind " + kind + " cannot reference type '" + referencedType + "'");
        }
    }

    /** A single-valued attribute of a non-reference kind. */
    public static AttributeDescriptor of(String name, ValueKind kind, AttributeAccessor accessor) {
        return new AttributeDescriptor(name, kind, false, null, accessor);
    }

    /** A collection attribute whose elements are of {@code elementKind} (not {@link ValueKind#ITEM}). */
    public static AttributeDescriptor collection(String name, ValueKind elementKind, AttributeAccessor accessor) {
        return new AttributeDescriptor(name, elementKind, true, null, accessor);
    }

    /** A reference (or, with {@code many}, a collection of references) to items of {@code referencedType}. */
    public static AttributeDescriptor references(String name, String referencedType, boolean many, AttributeAccessor accessor) {
        return new AttributeDescriptor(name, ValueKind.ITEM, many, referencedType, accessor);
    }

    /** Whether this attribute refers to other items. */
    public boolean isReference() {
        return kind == ValueKind.ITEM;
    }

    /** Whether this attribute holds localized text. */
    public boolean isLocalized() {
        return kind == ValueKind.LOCALIZED;
    }
}
