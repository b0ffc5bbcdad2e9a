package dev.ioflow.core;

import java.util.List;

/**
 * A definition has one or more problems. All of them are listed, each with its path.
 *
 * @since 0.1
 */
public final class InvalidDefinitionException extends DefinitionException {
    private static final long serialVersionUID = 1L;

    /** For the problems found; there is at least one. */
    public InvalidDefinitionException(List<DefinitionProblem> problems) {
        super("definition", problems);
    }
}
