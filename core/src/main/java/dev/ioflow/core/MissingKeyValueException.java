package dev.ioflow.core;

/**
 * An item has no value for one of its key (unique) attributes, so it has no integration key. ioflow never renders a
 * silent {@code null} key: SAP's rule that "a missing key value renders as {@code null}" (and its inbound service's
 * "null primitive optional key parts are allowed") is followed only for a key attribute that is a primitive the type
 * system declares neither {@link AttributeDescriptor#mandatory() mandatory} nor unique, and only when another part
 * of the key has a value: {@code c1|null}. A null key reference, a null required value, the null value of a
 * single-part key (such as {@code ioCustomer}'s {@code customerID}) and a key whose parts are all null are this
 * exception; the {@link PayloadReader} and the inbound store apply the same rule, as
 * {@link PayloadProblem.Kind#MISSING_KEY} problems (an OData service's 400 {@code missing_key}). The path names the
 * missing part, or the first part when none has a value.
 *
 * @since 0.1
 */
public final class MissingKeyValueException extends ItemRenderException {
    private static final long serialVersionUID = 1L;

    /** For the key attribute at {@code path}. */
    public MissingKeyValueException(String path) {
        super(path, "key attribute has no value, so the item has no integration key");
    }
}
