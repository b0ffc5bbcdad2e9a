package dev.ioflow.core.internal.definitions;

import java.util.List;

/**
 * A JSON value and where it starts in the text: Jackson's tree does not keep locations, and every shape
 * problem of a definition must say its line and column.
 *
 * @param kind     what sort of value it is
 * @param scalar   the value of a string, number or boolean (a {@code String}, {@code Number} or {@code Boolean}); else null
 * @param members  the members of an object in text order (duplicates kept); else empty
 * @param elements the elements of an array; else empty
 * @param line     1-based line of the value's first character
 * @param column   1-based column of the value's first character
 */
record JsonValueAt(Kind kind, Object scalar, List<Member> members, List<JsonValueAt> elements, int line, int column) {

    /** The JSON value kinds, named as they appear in messages. */
    enum Kind {
        OBJECT("an object"), ARRAY("an array"), STRING("a string"), NUMBER("a number"), BOOLEAN("a boolean"),
        NULL("null");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        String description() {
            return description;
        }
    }

    /** One member of an object, with where its name starts. */
    record Member(String name, int line, int column, JsonValueAt value) {
    }

    JsonValueAt {
        members = List.copyOf(members);
        elements = List.copyOf(elements);
    }

    static JsonValueAt scalar(Kind kind, Object value, int line, int column) {
        return new JsonValueAt(kind, value, List.of(), List.of(), line, column);
    }

    /** Describes the value for a message: its kind, and the value itself when it is a scalar. */
    String describe() {
        return switch (kind) {
            case STRING -> "a string (\"" + scalar + "\")";
            case NUMBER, BOOLEAN -> kind.description() + " (" + scalar + ")";
            default -> kind.description();
        };
    }

    /** A JSON path with a position: {@code $.items[0] (line 3, column 7)}. */
    static String at(String path, int line, int column) {
        return path + " (line " + line + ", column " + column + ")";
    }
}
