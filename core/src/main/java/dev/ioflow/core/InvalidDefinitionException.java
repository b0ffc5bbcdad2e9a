package dev.ioflow.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A definition has one or more problems. All of them are listed, each with its path.
 *
 * @since 0.1
 */
public final class InvalidDefinitionException extends IoflowException {
    private static final long serialVersionUID = 1L;
    private final transient List<DefinitionProblem> problems;

    /** For the problems found; there is at least one. */
    public InvalidDefinitionException(List<DefinitionProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in the order found. */
    public List<DefinitionProblem> problems() {
        return problems;
    }

    private static String describe(List<DefinitionProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid definition has at least one problem");
        }
        return problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in definition:\n  "
                + problems.stream().map(DefinitionProblem::toString).collect(Collectors.joining("\n  "));
    }
}
