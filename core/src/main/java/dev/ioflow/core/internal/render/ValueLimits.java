package dev.ioflow.core.internal.render;

import com.fasterxml.jackson.core.JsonGenerator;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The bounds every rendered value must keep, so that no input makes a payload unreadable, ambiguous or
 * unboundedly larger than the item: text must be well-formed UTF-16 (a lone surrogate has no UTF-8 form),
 * numbers have at most {@value #MAX_DIGITS} digits in plain form ({@code 1E+100000000} would otherwise be
 * written as a 100 MB number; JSON readers such as Jackson reject numbers longer than that by default), and
 * objects and arrays nest at most {@value #MAX_NESTING_DEPTH} levels deep (a map that contains itself would
 * otherwise never end). A value out of bounds is a {@link RenderFailure}.
 */
final class ValueLimits {
    /** The most digits a number may have when written without exponent. */
    static final int MAX_DIGITS = 1000;
    /** The deepest nesting of JSON objects and arrays in a payload (Jackson's default write limit). */
    static final int MAX_NESTING_DEPTH = 1000;
    /** A BigInteger of at most this many bits has at most {@value #MAX_DIGITS} decimal digits. */
    private static final int MAX_BITS_SURELY_IN_BOUNDS = (int) (MAX_DIGITS / Math.log10(2)) - 1;

    private ValueLimits() {
    }

    /**
     * {@code text} itself when it is well-formed UTF-16.
     *
     * @throws RenderFailure at the first lone surrogate
     */
    static String text(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    throw RenderFailure.unwritable(String.format("the text has a lone surrogate (\\u%04X at index %d):"
                            + " it has no UTF-8 form, and replacing it would make different values equal", (int) c, i));
                }
            }
        }
        return text;
    }

    /**
     * {@code value} itself when its plain form has at most {@value #MAX_DIGITS} digits.
     *
     * @throws RenderFailure otherwise
     */
    static BigDecimal decimal(BigDecimal value) {
        long precision = value.precision();
        long scale = value.scale();
        long digits = scale <= 0 ? precision - scale : Math.max(precision, scale + 1);
        if (digits > MAX_DIGITS) {
            throw RenderFailure.unwritable("a decimal of " + digits + " digits without exponent (precision " + precision
                    + ", scale " + scale + "): more than the " + MAX_DIGITS + " a rendered number may have");
        }
        return value;
    }

    /**
     * {@code value} itself when it has at most {@value #MAX_DIGITS} digits.
     *
     * @throws RenderFailure otherwise
     */
    static BigInteger integer(BigInteger value) {
        if (value.bitLength() > MAX_BITS_SURELY_IN_BOUNDS && value.abs().toString().length() > MAX_DIGITS) {
            throw RenderFailure.unwritable("an integer of " + value.bitLength() + " bits: more than the " + MAX_DIGITS
                    + " digits a rendered number may have");
        }
        return value;
    }

    /**
     * Checks that one more object or array may start at the generator's position.
     *
     * @throws RenderFailure when it would nest deeper than {@value #MAX_NESTING_DEPTH} levels
     */
    static void nest(JsonGenerator g) {
        if (g.getOutputContext().getNestingDepth() >= MAX_NESTING_DEPTH) {
            throw RenderFailure.unwritable("nesting deeper than " + MAX_NESTING_DEPTH
                    + " levels of objects and arrays: does a map or collection contain itself?");
        }
    }
}
