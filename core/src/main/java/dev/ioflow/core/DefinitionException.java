package dev.ioflow.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A definition has problems: it could not be read ({@link DefinitionParseException}) or it was read but is not
 * valid ({@link InvalidDefinitionException}). Either way every problem found is listed, each with where it is.
 * Catch this type to handle both:
 *
 * <pre>{@code
 * try {
 *     IntegrationObject io = IntegrationObjectJson.create().readOne(path);
 *     IntegrationObjectValidator.create().requireValid(io, types);
 * } catch (DefinitionException e) {
 *     e.problems().forEach(p -> System.err.println(p));
 * }
 * }</pre>
 *
 * @since 0.1
 */
public abstract sealed class DefinitionException extends IoflowException
        permits DefinitionParseException, InvalidDefinitionException {
    private static final long serialVersionUID = 1L;
    private final transient List<DefinitionProblem> problems;

    DefinitionException(String where, List<DefinitionProblem> problems) {
        super(describe(where, problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in the order found. */
    public List<DefinitionProblem> problems() {
        return problems;
    }

    private static String describe(String where, List<DefinitionProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a definition exception has at least one problem");
        }
        return problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in " + where + ":\n  "
                + problems.stream().map(DefinitionProblem::toString).collect(Collectors.joining("\n  "));
    }
}
