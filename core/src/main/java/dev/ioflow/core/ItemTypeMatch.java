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
    ALL_SUBTYPES
}
