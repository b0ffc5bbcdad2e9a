package dev.ioflow.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import dev.ioflow.core.DefinitionProblem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One streaming pass over a JSON input file for what the core readers accept but the tool must not: text with a
 * lone surrogate (written as a {@code \}{@code uD800} escape; it has no UTF-8 form, so printing it would turn it into
 * {@code ?}) and, in a definition file, two integration objects with the same code. Stops quietly at malformed
 * JSON: the readers report that with its position.
 */
final class JsonInputScan {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final String CODE = "code";
    private static final String INTEGRATION_OBJECTS = "integrationObjects";

    private final String source;
    private final List<DefinitionProblem> problems = new ArrayList<>();
    private final Map<String, JsonLocation> codes = new HashMap<>();

    private JsonInputScan(String source) {
        this.source = source;
    }

    /**
     * The problems of the JSON text, each at {@code source:line:column} with its JSON pointer.
     *
     * @param definitions whether the text holds integration-object definitions (then duplicate codes are problems)
     */
    static List<DefinitionProblem> problems(String text, String source, boolean definitions) {
        JsonInputScan scan = new JsonInputScan(source);
        try (JsonParser parser = FACTORY.createParser(text)) {
            scan.scan(parser, definitions);
        } catch (IOException | RuntimeException e) {
            // malformed or too deep: the readers report it, with its position
        }
        return List.copyOf(scan.problems);
    }

    private void scan(JsonParser parser, boolean definitions) throws IOException {
        for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
            if (token == JsonToken.FIELD_NAME) {
                check(parser, parser.currentName(), "the field name");
            } else if (token == JsonToken.VALUE_STRING) {
                check(parser, parser.getText(), "the text");
                if (definitions && isTopLevelCode(parser.getParsingContext())) {
                    checkUnique(parser.getText(), parser.currentTokenLocation());
                }
            }
        }
    }

    private void check(JsonParser parser, String text, String what) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                problems.add(new DefinitionProblem(at(parser.currentTokenLocation()), String.format(
                        "%s at %s has a lone surrogate (\\u%04X at index %d): it has no UTF-8 form",
                        what, pointer(parser.getParsingContext()), (int) c, i)));
                return;
            }
        }
    }

    private void checkUnique(String code, JsonLocation where) {
        JsonLocation first = codes.putIfAbsent(code, where);
        if (first != null) {
            problems.add(new DefinitionProblem(at(where), "a second integration object with the code '" + code
                    + "' (the first is at line " + first.getLineNr() + "): codes must be unique"));
        }
    }

    /** Whether the context is the {@code code} field of an integration object: the root, or an element of the root list. */
    private static boolean isTopLevelCode(JsonStreamContext field) {
        if (!field.inObject() || !CODE.equals(field.getCurrentName())) {
            return false;
        }
        JsonStreamContext parent = field.getParent();
        if (parent.inRoot()) {
            return true;
        }
        if (!parent.inArray()) {
            return false;
        }
        JsonStreamContext holder = parent.getParent();
        return holder.inRoot() || holder.inObject() && holder.getParent().inRoot()
                && INTEGRATION_OBJECTS.equals(holder.getCurrentName());
    }

    private String at(JsonLocation where) {
        return source + ":" + where.getLineNr() + ":" + where.getColumnNr();
    }

    private static String pointer(JsonStreamContext context) {
        String pointer = context.pathAsPointer().toString();
        return pointer.isEmpty() ? "/" : pointer;
    }
}
