package dev.ioflow.core.internal.definitions;

import dev.ioflow.core.DefinitionParseException;
import dev.ioflow.core.DefinitionProblem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the problems found while reading one source, so that all of them are reported at once,
 * in the order they appear in the source.
 */
final class Problems {
    private final String source;
    private final List<Found> found = new ArrayList<>();

    private record Found(int line, int column, DefinitionProblem problem) {
    }

    Problems(String source) {
        this.source = source;
    }

    String source() {
        return source;
    }

    /** A JSON problem: its path reads {@code $.items[0].code (line 3, column 7)}. */
    void json(String jsonPath, int line, int column, String message) {
        found.add(new Found(line, column, new DefinitionProblem(JsonValueAt.at(jsonPath, line, column), message)));
    }

    /** A JSON problem at a value. */
    void json(JsonValueAt value, String jsonPath, String message) {
        json(jsonPath, value.line(), value.column(), message);
    }

    /** An ImpEx problem: its path reads {@code ioCustomer.impex:12:5}. */
    void impex(int line, int column, String message) {
        found.add(new Found(line, column, new DefinitionProblem(source + ":" + line + ":" + column, message)));
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    /** Throws a {@link DefinitionParseException} listing every problem by position, if there is any. */
    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new DefinitionParseException(source, found.stream()
                    .sorted(Comparator.comparingInt(Found::line).thenComparingInt(Found::column))
                    .map(Found::problem)
                    .toList());
        }
    }
}
