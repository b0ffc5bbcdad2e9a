package dev.ioflow.core.internal.definitions;

import java.util.List;

/**
 * One logical ImpEx line (a header or a data line; continuations and multi-line quoted values joined).
 *
 * @param values the values in order; the first is the one before the first {@code ;}
 * @param line   1-based line where it starts
 */
record ImpexLine(List<ImpexValue> values, int line) {

    ImpexLine {
        values = List.copyOf(values);
    }

    /** The value at this position, or an empty value placed at the line's end when the line is shorter. */
    ImpexValue value(int index) {
        if (index < values.size()) {
            return values.get(index);
        }
        ImpexValue last = values.get(values.size() - 1);
        return new ImpexValue("", last.line(), last.column() + last.text().length(), last.source());
    }

    /** The index of the last non-empty value (0 when only the first may be non-empty): a trailing {@code ;} adds nothing. */
    int lastNonEmpty() {
        int last = values.size() - 1;
        while (last > 0 && values.get(last).isEmpty()) {
            last--;
        }
        return last;
    }
}
