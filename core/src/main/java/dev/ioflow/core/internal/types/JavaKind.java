package dev.ioflow.core.internal.types;

import dev.ioflow.core.ValueKind;

/**
 * What a Java attribute holds, as inferred from its declared type.
 *
 * @param kind      the value kind; for collections and arrays, that of one element
 * @param many      whether the attribute is a collection or an array
 * @param itemClass for {@link ValueKind#ITEM}, the class of the referenced items; else null
 */
public record JavaKind(ValueKind kind, boolean many, Class<?> itemClass) {

    static JavaKind single(ValueKind kind) {
        return new JavaKind(kind, false, null);
    }

    /** The same kind as a collection. */
    JavaKind asMany() {
        return new JavaKind(kind, true, itemClass);
    }

    /** Whether this refers to items of another class. */
    public boolean isItem() {
        return kind == ValueKind.ITEM;
    }
}
