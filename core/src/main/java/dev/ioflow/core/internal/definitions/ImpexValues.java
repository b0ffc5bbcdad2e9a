package dev.ioflow.core.internal.definitions;

import dev.ioflow.core.internal.definitions.ImpexRows.Row;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Reads typed values from definition rows, reporting values that do not parse where they are written. */
final class ImpexValues {
    private final Problems problems;

    ImpexValues(Problems problems) {
        this.problems = problems;
    }

    /** A boolean cell: {@code true} or {@code false} in any case; false when empty or malformed (a problem is added). */
    boolean bool(Row row, String field) {
        ImpexValue value = row.cells().get(field);
        if (value == null) {
            return false;
        }
        String text = value.text().toLowerCase(Locale.ROOT);
        if (!text.equals("true") && !text.equals("false")) {
            problems.impex(value, "bad boolean '" + value.text() + "' for column "
                    + row.type().column(field) + ": expected true or false");
        }
        return text.equals("true");
    }

    /** An enum cell written as the constant's name; the default when empty or unknown (a problem is added). */
    <E extends Enum<E>> E enumValue(Row row, String field, Class<E> type, E defaultValue) {
        ImpexValue value = row.cells().get(field);
        if (value == null) {
            return defaultValue;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.text())) {
                return constant;
            }
        }
        problems.impex(value, "unknown " + field + " '" + value.text() + "' for column "
                + row.type().column(field) + "; allowed: "
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        return defaultValue;
    }
}
