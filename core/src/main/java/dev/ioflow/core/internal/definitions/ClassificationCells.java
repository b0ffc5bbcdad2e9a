package dev.ioflow.core.internal.definitions;

import dev.ioflow.core.ClassAttributeAssignment;
import dev.ioflow.core.internal.definitions.ImpexRows.Row;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Reads the class attribute assignment of an {@code IntegrationObjectItemClassificationAttribute} row:
 * {@code system:version:classCode:system:version:attributeCode}, the classification class's catalog version and
 * code, then the classification attribute's system version and code (which may contain blanks and commas).
 */
final class ClassificationCells {
    private static final int PARTS = 6;

    private ClassificationCells() {
    }

    /** The assignment, or null (with a problem) when the cell is missing or malformed. */
    static @Nullable ClassAttributeAssignment assignment(Row row, Problems problems) {
        ImpexValue cell = row.cells().get("classAttributeAssignment");
        String name = row.text("attributeName");
        if (cell == null) {
            problems.impex(row.cells().get("item"), "classification attribute '" + name + "' has no classAttributeAssignment");
            return null;
        }
        String[] parts = cell.text().split(":", PARTS);
        for (int i = 0; i < parts.length; i++) {
            parts[i] = parts[i].strip();
        }
        if (parts.length != PARTS || Arrays.stream(parts).anyMatch(String::isEmpty)) {
            problems.impex(cell, "expected system:version:classCode:system:version:attributeCode for the "
                    + "classAttributeAssignment of classification attribute '" + name + "', e.g. "
                    + "'ElectronicsClassification:1.0:42:ElectronicsClassification:1.0:weight', but found '" + cell.text() + "'");
            return null;
        }
        if (!parts[0].equals(parts[3]) || !parts[1].equals(parts[4])) {
            problems.impex(cell, "classification attribute '" + name + "' assigns attribute '" + parts[5] + "' of "
                    + parts[3] + ":" + parts[4] + " to class '" + parts[2] + "' of " + parts[0] + ":" + parts[1]
                    + ": the class and the attribute must be in the same classification system version");
            return null;
        }
        return new ClassAttributeAssignment(parts[0], parts[1], parts[2], parts[5]);
    }
}
