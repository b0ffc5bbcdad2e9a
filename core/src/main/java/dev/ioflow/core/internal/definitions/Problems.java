package dev.ioflow.core.internal.definitions;

import dev.ioflow.core.DefinitionParseException;
import dev.ioflow.core.DefinitionProblem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the problems found while reading one source, or a set of sources read as one (ImpEx files imported
 * in order), so that all of them are reported at once, in the order of the sources and of their lines.
 */
final class Problems {
    private final String first;
    private final List<String> sources = new ArrayList<>();
    private final List<Found> found = new ArrayList<>();

    private record Found(int source, int line, int column, DefinitionProblem problem) {
    }

    Problems(String source) {
        this.first = source;
        sources.add(source);
    }

    /** The source being read now. */
    String source() {
        return sources.get(sources.size() - 1);
    }

    /** Starts reading the next source of the set. */
    void next(String source) {
        sources.add(source);
    }

    /** A JSON problem: its path reads {@code $.items[0].code (line 3, column 7)}. */
    void json(String jsonPath, int line, int column, String message) {
        found.add(new Found(sources.size() - 1, line, column, new DefinitionProblem(JsonValueAt.at(jsonPath, line, column), message)));
    }

    /** A JSON problem at a value. */
    void json(JsonValueAt value, String jsonPath, String message) {
        json(jsonPath, value.line(), value.column(), message);
    }

    /** An ImpEx problem in the source being read: its path reads {@code ioCustomer.impex:12:5}. */
    void impex(int line, int column, String message) {
        impex(source(), line, column, message);
    }

    /** An ImpEx problem at a value of any source of the set. */
    void impex(ImpexValue at, String message) {
        impex(at.source(), at.line(), at.column(), message);
    }

    private void impex(String source, int line, int column, String message) {
        found.add(new Found(sources.lastIndexOf(source), line, column,
                new DefinitionProblem(source + ":" + line + ":" + column, message)));
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    /** Throws a {@link DefinitionParseException} listing every problem by position, if there is any. */
    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new DefinitionParseException(first, found.stream()
                    .sorted(Comparator.comparingInt(Found::source).thenComparingInt(Found::line).thenComparingInt(Found::column))
                    .map(Found::problem)
                    .toList());
        }
    }
}
