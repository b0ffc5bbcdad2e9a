package dev.ioflow.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.ioflow.core.internal.definitions.DefinitionFiles;
import dev.ioflow.core.internal.definitions.JsonDefinitionReader;
import dev.ioflow.core.internal.definitions.JsonDefinitionWriter;

import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads and writes integration-object definitions as JSON. Writing then reading gives equal
 * {@link IntegrationObject}s, and so does reading, writing and reading again. Thread-safe.
 *
 * <pre>{@code
 * IntegrationObjectJson json = IntegrationObjectJson.create();
 * List<IntegrationObject> ios = json.read(Path.of("definitions/ioCustomer.json"));
 * String text = json.write(ios);
 * }</pre>
 *
 * <h2>Format</h2>
 * <pre>{@code
 * { "integrationObjects": [ {
 *     "code": "ioCustomer", "integrationType": "INBOUND",
 *     "items": [ { "code": "Customer", "type": "Customer", "root": true, "itemTypeMatch": "ALL_SUB_AND_SUPER_TYPES",
 *         "attributes": [
 *           { "name": "customerID", "source": "customerID", "unique": true },
 *           { "name": "contactEmail" },
 *           { "name": "defaultAddress", "source": "defaultPaymentAddress", "item": "Address", "autoCreate": true, "partOf": true },
 *           { "name": "fullName", "virtual": "model://fullName" } ] } ] } ] }
 * }</pre>
 * The top level is either that object, a single integration object, or an array of integration objects.
 * <ul>
 *   <li>integration object: {@code code} (required), {@code integrationType} ({@code INBOUND} by default, or
 *       {@code OUTBOUND}), {@code items} (in order; the empty list by default).</li>
 *   <li>item: {@code code} (required), {@code type} (the item type's code; the item's code by default),
 *       {@code root} (false by default), {@code itemTypeMatch} ({@code ALL_SUB_AND_SUPER_TYPES} by default,
 *       {@code RESTRICT_TO_ITEM_TYPE}, {@code ALL_SUBTYPES}), {@code attributes} (in payload order).</li>
 *   <li>attribute: {@code name} (required: the payload name), {@code source} (the type's attribute it reads:
 *       the name by default, none for a virtual attribute; {@code null} for none), {@code item} (the code of the
 *       nested item for references and collections), {@code unique}, {@code autoCreate}, {@code partOf}
 *       (false by default), {@code virtual} (the {@code logicLocation} of a virtual attribute).</li>
 * </ul>
 * A member whose value is {@code null} counts as absent, except {@code source}. Unknown members, values of the
 * wrong type, missing required members and unknown enum values are errors. The writer leaves out every value
 * that equals its default, writes members in the order above, indents two spaces and ends lines with {@code \n}.
 *
 * <h2>Errors</h2>
 * Reading throws a {@link DefinitionParseException}. Malformed JSON gives one problem at the line and column
 * where parsing stopped; otherwise every shape problem of the document is listed, each with its JSON path and
 * position, e.g. {@code $.integrationObjects[0].items[1].attributes[2].unique (line 14, column 54): expected a
 * boolean but found a string ("yes")}.
 *
 * @since 0.1
 */
public final class IntegrationObjectJson {
    private static final String TEXT_SOURCE = "JSON text";

    private final JsonDefinitionReader reader;
    private final JsonDefinitionWriter writer;

    private IntegrationObjectJson(JsonFactory factory) {
        this.reader = new JsonDefinitionReader(factory);
        this.writer = new JsonDefinitionWriter(factory);
    }

    /** A reader and writer of JSON definitions. */
    public static IntegrationObjectJson create() {
        // The caller owns a Reader it passes in, so reading must not close it.
        return new IntegrationObjectJson(JsonFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build());
    }

    /**
     * The integration objects defined in JSON text.
     *
     * @throws DefinitionParseException listing every problem, with JSON paths, lines and columns
     */
    public List<IntegrationObject> read(String json) {
        return read(new StringReader(json), TEXT_SOURCE);
    }

    /**
     * The integration objects defined in JSON read from {@code json} (not closed).
     *
     * @throws DefinitionParseException listing every problem, with JSON paths, lines and columns
     */
    public List<IntegrationObject> read(Reader json) {
        return read(json, TEXT_SOURCE);
    }

    /**
     * The integration objects defined in JSON read from {@code json} (not closed); problems name {@code sourceName}.
     *
     * @throws DefinitionParseException listing every problem, with JSON paths, lines and columns
     */
    public List<IntegrationObject> read(Reader json, String sourceName) {
        return reader.read(json, sourceName);
    }

    /**
     * The integration objects defined in a UTF-8 JSON file; problems name the file.
     *
     * @throws DefinitionParseException listing every problem, with JSON paths, lines and columns
     * @throws IoflowException          when the file cannot be read
     */
    public List<IntegrationObject> read(Path file) {
        return DefinitionFiles.read(file, this::read);
    }

    /**
     * The one integration object defined in JSON text.
     *
     * @throws DefinitionParseException when the text is invalid or defines no or several integration objects
     */
    public IntegrationObject readOne(String json) {
        return DefinitionFiles.single(read(json), TEXT_SOURCE);
    }

    /**
     * The one integration object defined in a UTF-8 JSON file.
     *
     * @throws DefinitionParseException when the file is invalid or defines no or several integration objects
     * @throws IoflowException          when the file cannot be read
     */
    public IntegrationObject readOne(Path file) {
        return DefinitionFiles.single(read(file), DefinitionFiles.sourceName(file));
    }

    /** One integration object as a pretty-printed JSON object (the single-object form), ending with a newline. */
    public String write(IntegrationObject io) {
        return writer.write(io);
    }

    /** Integration objects as a pretty-printed {@code {"integrationObjects": [...]}} document, ending with a newline. */
    public String write(List<IntegrationObject> ios) {
        return writer.write(ios);
    }
}
