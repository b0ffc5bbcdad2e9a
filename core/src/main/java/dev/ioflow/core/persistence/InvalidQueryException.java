package dev.ioflow.core.persistence;

import dev.ioflow.core.IoflowException;

/**
 * A query or lookup asks for something the store cannot do; {@link #reason()} says what, for the OData layer to
 * pick SAP's error code.
 *
 * @since 1.0
 */
public class InvalidQueryException extends IoflowException {
    private static final long serialVersionUID = 1L;
    private final Reason reason;

    /** For a reason, with a message naming the attribute path or value. */
    public InvalidQueryException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** What is wrong. */
    public Reason reason() {
        return reason;
    }

    /** Why a query is refused. */
    public enum Reason {
        /** The path names no attribute of the item (SAP answers 400). */
        UNKNOWN_ATTRIBUTE,
        /** More than one navigation level (SAP: {@code filter_not_supported}). */
        NESTED_TOO_DEEP,
        /** {@code integrationKey} of the queried item itself (SAP: {@code integration_key_not_supported}). */
        INTEGRATION_KEY_NOT_SUPPORTED,
        /** Ordering by {@code integrationKey} (SAP: {@code order_by_integration_key_not_supported}). */
        ORDER_BY_INTEGRATION_KEY,
        /** Ordering by a nested path (SAP: {@code order_by_nested_attribute_not_supported}). */
        ORDER_BY_NESTED,
        /** Filtering or ordering by a virtual attribute (SAP: {@code filter_by_virtual_attribute_not_supported}). */
        VIRTUAL_ATTRIBUTE,
        /** A value that cannot be compared with the attribute (wrong type, bad date, collection attribute). */
        INVALID_VALUE,
        /** Values meant to be unique match several items. */
        NOT_UNIQUE
    }
}
