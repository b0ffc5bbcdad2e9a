package dev.ioflow.core;

/**
 * A value cannot become the value of an attribute: it has the wrong form ({@link #outOfRange()} false: an
 * unknown enum constant, text that is not a date) or does not fit the attribute's type ({@link #outOfRange()}
 * true: 300 for a {@code byte}). Thrown by {@link ItemFactory#convert(String, Object)}; {@link PayloadReader}
 * turns it into a {@link PayloadProblem} with the value's JSON path.
 *
 * @since 1.0
 */
public class ValueConversionException extends IoflowException {
    private static final long serialVersionUID = 1L;
    private final boolean outOfRange;

    /** A value that cannot be converted; {@code outOfRange} tells whether it is too big or too small. */
    public ValueConversionException(String message, boolean outOfRange) {
        super(message);
        this.outOfRange = outOfRange;
    }

    /** A value of the wrong form. */
    public static ValueConversionException invalid(String message) {
        return new ValueConversionException(message, false);
    }

    /** A value too big or too small for the attribute's type. */
    public static ValueConversionException outOfRange(String message) {
        return new ValueConversionException(message, true);
    }

    /** Whether the value was of the right form but out of the attribute's range. */
    public boolean outOfRange() {
        return outOfRange;
    }
}
