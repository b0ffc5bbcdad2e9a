package dev.ioflow.core.internal.sap;

import dev.ioflow.core.ValueKind;
import java.util.List;

/**
 * An item type with its inherited attributes flattened in, ready to become an {@code ItemType}.
 *
 * @param code       the type's code
 * @param supertype  the direct supertype's code, or null for the root type
 * @param attributes own and inherited attributes (supertypes' first), each once
 */
public record ResolvedType(String code, String supertype, List<ResolvedType.Attribute> attributes) {

    /**
     * One attribute.
     *
     * @param name           its qualifier
     * @param kind           the kind of its value (of one element for collections)
     * @param many           whether it holds a collection
     * @param referencedType for {@link ValueKind#ITEM}: the referenced type's code
     * @param unique         whether the type system declares it unique
     * @param mandatory      whether the type system requires a value ({@code optional="false"}, no default)
     */
    public record Attribute(String name, ValueKind kind, boolean many, String referencedType, boolean unique,
                            boolean mandatory) {
    }
}
