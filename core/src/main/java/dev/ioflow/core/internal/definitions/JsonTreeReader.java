package dev.ioflow.core.internal.definitions;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import dev.ioflow.core.IoflowException;
import dev.ioflow.core.internal.definitions.JsonValueAt.Kind;
import dev.ioflow.core.internal.definitions.JsonValueAt.Member;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads JSON text into a {@link JsonValueAt} tree with Jackson's streaming parser, keeping each value's
 * line and column. Malformed JSON becomes one problem with the JSON path and position where parsing stopped.
 */
final class JsonTreeReader {
    private final JsonFactory factory;

    JsonTreeReader(JsonFactory factory) {
        this.factory = factory;
    }

    /** The single JSON value of the text, or empty when the text is not well-formed (a problem is added). */
    Optional<JsonValueAt> read(Reader reader, Problems problems) {
        try (JsonParser parser = factory.createParser(withoutByteOrderMark(reader))) {
            try {
                return readRoot(parser, problems);
            } catch (JsonProcessingException e) {
                JsonLocation where = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
                problems.json(pathOf(parser.getParsingContext()), where.getLineNr(), where.getColumnNr(),
                        "malformed JSON: " + e.getOriginalMessage());
                return Optional.empty();
            }
        } catch (IOException e) {
            throw new IoflowException("cannot read " + problems.source() + ": " + e.getMessage(), e);
        }
    }

    /** Editors on Windows write a byte order mark, which Jackson rejects when given characters. */
    private static Reader withoutByteOrderMark(Reader reader) throws IOException {
        PushbackReader pushback = new PushbackReader(reader, 1);
        int first = pushback.read();
        if (first >= 0 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }

    private Optional<JsonValueAt> readRoot(JsonParser parser, Problems problems) throws IOException {
        if (parser.nextToken() == null) {
            problems.json("$", 1, 1, "no JSON content");
            return Optional.empty();
        }
        JsonValueAt root = value(parser);
        if (parser.nextToken() != null) {
            JsonLocation where = parser.currentTokenLocation();
            problems.json("$", where.getLineNr(), where.getColumnNr(),
                    "unexpected content after the end of the JSON value");
            return Optional.empty();
        }
        return Optional.of(root);
    }

    private JsonValueAt value(JsonParser parser) throws IOException {
        JsonLocation start = parser.currentTokenLocation();
        int line = start.getLineNr();
        int column = start.getColumnNr();
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> {
                List<Member> members = new ArrayList<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonLocation nameAt = parser.currentTokenLocation();
                    parser.nextToken();
                    members.add(new Member(name, nameAt.getLineNr(), nameAt.getColumnNr(), value(parser)));
                }
                yield new JsonValueAt(Kind.OBJECT, null, members, List.of(), line, column);
            }
            case START_ARRAY -> {
                List<JsonValueAt> elements = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    elements.add(value(parser));
                }
                yield new JsonValueAt(Kind.ARRAY, null, List.of(), elements, line, column);
            }
            case VALUE_STRING -> JsonValueAt.scalar(Kind.STRING, parser.getText(), line, column);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> JsonValueAt.scalar(Kind.NUMBER, parser.getNumberValue(), line, column);
            case VALUE_TRUE, VALUE_FALSE -> JsonValueAt.scalar(Kind.BOOLEAN, token == JsonToken.VALUE_TRUE, line, column);
            case VALUE_NULL -> JsonValueAt.scalar(Kind.NULL, null, line, column);
            default -> throw new IllegalStateException("unexpected token " + token + " at line " + line);
        };
    }

    /** The JSON path of where the parser is, e.g. {@code $.items[1].attributes}. */
    private static String pathOf(JsonStreamContext context) {
        if (context == null || context.inRoot()) {
            return "$";
        }
        String parent = pathOf(context.getParent());
        if (context.inArray()) {
            return context.getCurrentIndex() >= 0 ? parent + "[" + context.getCurrentIndex() + "]" : parent;
        }
        return context.getCurrentName() != null ? JsonFields.member(parent, context.getCurrentName()) : parent;
    }
}
