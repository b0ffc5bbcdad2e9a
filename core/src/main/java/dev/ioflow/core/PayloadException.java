package dev.ioflow.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An inbound payload cannot become items: every {@link PayloadProblem} found, each with its JSON path. Thrown by
 * {@link PayloadReader} before anything is written, and by {@link dev.ioflow.core.persistence.IntegrationObjectStore}
 * when a nested item is missing (the caller then rolls its unit of work back).
 *
 * @since 1.0
 */
public class PayloadException extends IoflowException {
    private static final long serialVersionUID = 1L;
    private final List<PayloadProblem> problems;

    /** For one or more problems. */
    public PayloadException(List<PayloadProblem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
        if (this.problems.isEmpty()) {
            throw new IllegalArgumentException("a payload exception needs at least one problem");
        }
    }

    /** For one problem. */
    public PayloadException(PayloadProblem problem) {
        this(List.of(problem));
    }

    /** The problems, in payload order. */
    public List<PayloadProblem> problems() {
        return problems;
    }

    private static String message(List<PayloadProblem> problems) {
        if (problems.size() == 1) {
            return "invalid payload: " + problems.get(0);
        }
        return problems.size() + " problems in the payload: "
                + problems.stream().map(PayloadProblem::toString).collect(Collectors.joining("; "));
    }
}
