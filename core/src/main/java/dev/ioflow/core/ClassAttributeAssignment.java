package dev.ioflow.core;

import java.util.Objects;

/**
 * Which classification attribute a classification attribute of an integration-object item reads: SAP Commerce's
 * {@code ClassAttributeAssignment}, the assignment of a classification attribute to a classification class in
 * one version of a classification system (e.g. {@code ElectronicsClassification:1.0}). In SAP ImpEx it is written
 * {@code system:version:classCode:system:version:attributeCode}, e.g.
 * {@code ElectronicsClassification:1.0:42:ElectronicsClassification:1.0:Internal memory, 6}.
 *
 * <p>The values come from a {@link ClassificationValues} given to the {@link PayloadRenderer}.
 *
 * @param system        the classification system's id (a catalog id), e.g. {@code ElectronicsClassification}
 * @param version       the classification system's version, e.g. {@code 1.0}
 * @param classCode     the classification class's code, e.g. {@code 42}
 * @param attributeCode the classification attribute's code, e.g. {@code Internal memory, 6}
 * @since 1.0
 */
public record ClassAttributeAssignment(String system, String version, String classCode, String attributeCode) {

    /** Every part is required and not blank. */
    public ClassAttributeAssignment {
        requireText(system, "system");
        requireText(version, "version");
        requireText(classCode, "classCode");
        requireText(attributeCode, "attributeCode");
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException("class attribute assignment: " + name + " must not be blank");
        }
    }

    /** SAP's ImpEx form, {@code system:version:classCode:system:version:attributeCode}. */
    @Override
    public String toString() {
        return system + ":" + version + ":" + classCode + ":" + system + ":" + version + ":" + attributeCode;
    }
}
