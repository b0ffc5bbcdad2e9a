package dev.ioflow.core;

import java.util.List;
import java.util.Objects;

/**
 * A definition file could not be read: malformed JSON or ImpEx, or values of the wrong shape.
 * Every problem found in the file is listed, each with where it is: an ImpEx position such as
 * {@code ioCustomer.impex:12:5}, or a JSON path with its position such as
 * {@code $.items[0].code (line 3, column 7)}.
 *
 * <pre>{@code
 * try {
 *     ios = IntegrationObjectJson.create().read(Path.of("ioCustomer.json"));
 * } catch (DefinitionParseException e) {
 *     e.problems().forEach(p -> System.err.println(p));   // $.items[0].root (line 5, column 17): ...
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class DefinitionParseException extends DefinitionException {
    private static final long serialVersionUID = 1L;
    private final String source;

    /**
     * For the problems found in one source.
     *
     * @param source   the name of what was read, e.g. a file name
     * @param problems the problems in the order found; at least one
     */
    public DefinitionParseException(String source, List<DefinitionProblem> problems) {
        super(Objects.requireNonNull(source, "source"), problems);
        this.source = source;
    }

    /** The name of what was read, e.g. {@code ioCustomer.impex}. */
    public String source() {
        return source;
    }
}
