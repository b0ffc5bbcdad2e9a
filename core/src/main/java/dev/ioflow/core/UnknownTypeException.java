package dev.ioflow.core;

/**
 * A type system was asked for an item type it does not know.
 *
 * @since 0.1
 */
public final class UnknownTypeException extends IoflowException {
    private static final long serialVersionUID = 1L;
    private final String typeCode;

    /** For the unknown type code. */
    public UnknownTypeException(String typeCode) {
        super("unknown item type '" + typeCode + "'");
        this.typeCode = typeCode;
    }

    /** The code that no type matched. */
    public String typeCode() {
        return typeCode;
    }
}
