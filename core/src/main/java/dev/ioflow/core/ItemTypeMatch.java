package dev.ioflow.core;

/**
 * Which items of an integration-object item's type (and its sub- and super-types) the item matches,
 * as in SAP Commerce's {@code itemTypeMatch}.
 *
 * @since 0.1
 */
public enum ItemTypeMatch {
    /** The type, its sub-types and its super-types (SAP's default). */
    ALL_SUB_AND_SUPER_TYPES,
    /** Exactly the declared type. */
    RESTRICT_TO_ITEM_TYPE,
    /** The type and its sub-types. */
    ALL_SUBTYPES;

    /**
     * Whether an item of type {@code actual} matches an integration-object item of type {@code declared}, with the
     * type hierarchy of {@code types} ({@link TypeSystem#isSubtype(String, String)}).
     *
     * @since 1.0
     */
    public boolean matches(TypeSystem types, String declared, String actual) {
        return switch (this) {
            case RESTRICT_TO_ITEM_TYPE -> declared.equals(actual);
            case ALL_SUBTYPES -> types.isSubtype(actual, declared);
            case ALL_SUB_AND_SUPER_TYPES -> types.isSubtype(actual, declared) || types.isSubtype(declared, actual);
        };
    }
}
