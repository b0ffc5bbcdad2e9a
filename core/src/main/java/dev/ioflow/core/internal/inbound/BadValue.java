package dev.ioflow.core.internal.inbound;

import dev.ioflow.core.PayloadProblem;

/** A value that cannot be read, with the problem kind; caught where the JSON path is known. */
final class BadValue extends Exception {
    private static final long serialVersionUID = 1L;
    final transient PayloadProblem.Kind kind;

    BadValue(PayloadProblem.Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    static BadValue wrongType(String expected, Object value) {
        return new BadValue(PayloadProblem.Kind.WRONG_TYPE, "expected " + expected + ", got " + describe(value));
    }

    static BadValue invalid(String message) {
        return new BadValue(PayloadProblem.Kind.INVALID_VALUE, message);
    }

    static BadValue outOfRange(String message) {
        return new BadValue(PayloadProblem.Kind.OUT_OF_RANGE, message);
    }

    /** A short description of a payload value for messages: its JSON type, and short text values quoted. */
    static String describe(Object value) {
        if (value instanceof java.util.Map<?, ?>) {
            return "an object";
        }
        if (value instanceof java.util.List<?>) {
            return "an array";
        }
        if (value instanceof Boolean b) {
            return "the boolean " + b;
        }
        if (value instanceof Number n) {
            return "the number " + n;
        }
        if (value instanceof CharSequence s) {
            String text = s.toString();
            return "the text '" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'";
        }
        return "a " + value.getClass().getSimpleName();
    }
}
