package dev.ioflow.core.internal.definitions;

/**
 * One {@code ;}-separated value of an ImpEx line, unquoted, trimmed (unless quoted) and with macros expanded.
 *
 * @param text   the value; empty when the cell is empty
 * @param line   1-based line where the value starts
 * @param column 1-based column where the value starts (its first non-blank character, or its opening quote)
 * @param source the file (or other source) the value is written in
 */
record ImpexValue(String text, int line, int column, String source) {

    /** Another text at the same place. */
    ImpexValue withText(String other) {
        return new ImpexValue(other, line, column, source);
    }

    boolean isEmpty() {
        return text.isEmpty();
    }
}
