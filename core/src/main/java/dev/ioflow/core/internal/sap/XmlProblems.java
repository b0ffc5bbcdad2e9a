package dev.ioflow.core.internal.sap;

import dev.ioflow.core.DefinitionParseException;
import dev.ioflow.core.DefinitionProblem;
import java.util.ArrayList;
import java.util.List;

/** The problems found in a set of {@code items.xml} files, each at {@code file:line:column}, reported together. */
final class XmlProblems {
    private final List<DefinitionProblem> found = new ArrayList<>();

    void add(String at, String message) {
        found.add(new DefinitionProblem(at, message));
    }

    /** Throws a {@link DefinitionParseException} listing every problem, if there is any. */
    void throwIfAny(String source) {
        if (!found.isEmpty()) {
            throw new DefinitionParseException(source, List.copyOf(found));
        }
    }
}
