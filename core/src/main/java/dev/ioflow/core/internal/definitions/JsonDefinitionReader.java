package dev.ioflow.core.internal.definitions;

import com.fasterxml.jackson.core.JsonFactory;
import dev.ioflow.core.DefinitionParseException;
import dev.ioflow.core.IntegrationObject;

import java.io.Reader;
import java.util.List;

/**
 * Reads integration objects from JSON definition text: parses with positions, then binds, reporting every
 * problem of the source in one {@link DefinitionParseException}.
 */
public final class JsonDefinitionReader {
    private final JsonTreeReader trees;

    /** A reader using this factory's parsers. */
    public JsonDefinitionReader(JsonFactory factory) {
        this.trees = new JsonTreeReader(factory);
    }

    /**
     * The integration objects in the text.
     *
     * @throws DefinitionParseException listing every problem, each with its JSON path, line and column
     */
    public List<IntegrationObject> read(Reader reader, String sourceName) {
        Problems problems = new Problems(sourceName);
        List<IntegrationObject> result = trees.read(reader, problems)
                .map(root -> new JsonDefinitionBinder(problems).bind(root))
                .orElse(List.of());
        problems.throwIfAny();
        return result;
    }
}
