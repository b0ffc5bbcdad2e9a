package dev.ioflow.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ioflow.core.DefinitionProblem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an item from a JSON file as the {@code Map} a derived {@code MapTypeSystem} renders: nested objects are
 * nested items, arrays are collections, decimals stay exact.
 */
final class ItemFileReader {
    private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** A malformed item file: the message names the file and, for JSON syntax errors, the line and column. */
    static final class BadItemException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadItemException(String message) {
            super(message);
        }
    }

    /**
     * The item the file holds.
     *
     * @throws UnreadableInputException when the file cannot be read
     * @throws BadItemException         when it is not a JSON object, or has text with a lone surrogate
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> read(Path file) {
        String text = DefinitionFileReader.readText(file);
        String source = DefinitionFileReader.sourceName(file);
        List<DefinitionProblem> problems = JsonInputScan.problems(text, source, false);
        if (!problems.isEmpty()) {
            DefinitionProblem first = problems.get(0);
            throw new BadItemException(file + first.path().substring(source.length()) + ": " + first.message());
        }
        JsonNode tree;
        try (JsonParser parser = mapper.createParser(text)) {
            try {
                tree = mapper.readTree(parser);
            } catch (JsonProcessingException e) {
                // a broken limit (nesting, number length) has no location of its own: the parser's is where it broke
                JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
                throw new BadItemException(file + ":" + at.getLineNr() + ":" + at.getColumnNr() + ": malformed JSON: "
                        + e.getOriginalMessage());
            }
        } catch (IOException e) {
            throw new UnreadableInputException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        if (tree == null || !tree.isObject()) {
            throw new BadItemException(file + ": $: an item is a JSON object, but the file holds "
                    + (tree == null || tree.isMissingNode() ? "nothing" : "a JSON " + tree.getNodeType().name().toLowerCase(Locale.ROOT)));
        }
        return mapper.convertValue(tree, Map.class);
    }
}
