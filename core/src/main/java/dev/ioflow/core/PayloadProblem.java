package dev.ioflow.core;

import java.util.Objects;

/**
 * One thing wrong with an inbound payload, at a JSON path such as {@code $.catalogVersion.catalog.id} or
 * {@code $.addresses[1].town}. {@link PayloadException} carries all problems of a payload at once.
 *
 * @param path    where in the payload: {@code $} is the posted entity
 * @param kind    what is wrong; the OData layer maps it to SAP's error code
 * @param message what is wrong, naming the offending value
 * @since 1.0
 */
public record PayloadProblem(String path, Kind kind, String message) {

    /** All components are required. */
    public PayloadProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    /** What is wrong. */
    public enum Kind {
        /** The payload names a property the integration-object item does not declare. */
        UNKNOWN_PROPERTY,
        /** A value of the wrong JSON type: an object where text is expected, text where a number is. */
        WRONG_TYPE,
        /** A value of the right JSON type but the wrong form: a bad date, an unknown enum constant. */
        INVALID_VALUE,
        /** A number too big or too small for its attribute. */
        OUT_OF_RANGE,
        /** A key (unique) attribute is absent or null (SAP: {@code missing_key}). */
        MISSING_KEY,
        /** The attribute cannot be written: virtual, or read-only in the type system. */
        NOT_WRITABLE,
        /**
         * A nested item does not exist and may not be created, as its attribute is neither autoCreate nor partOf; or
         * a {@link AttributeDescriptor#mandatory() mandatory} reference (or collection of references) is absent or
         * null where SAP requires a value (SAP: {@code missing_nav_property}).
         */
        MISSING_ITEM,
        /**
         * A {@link AttributeDescriptor#mandatory() mandatory} attribute that is not a key attribute has no value: absent
         * or null when its item is created, or set to null by an update (SAP: {@code missing_property}).
         *
         * @since 1.0
         */
        MISSING_VALUE,
        /** An integration key cannot be parsed, or the payload's key differs from the addressed one (SAP: {@code invalid_key}). */
        INVALID_KEY
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
