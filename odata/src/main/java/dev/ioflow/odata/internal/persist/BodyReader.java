package dev.ioflow.odata.internal.persist;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ioflow.odata.internal.edm.IoModel;
import dev.ioflow.odata.internal.olingo.SapError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.olingo.odata2.api.edm.EdmEntitySet;
import org.apache.olingo.odata2.api.ep.EntityProvider;
import org.apache.olingo.odata2.api.ep.EntityProviderException;
import org.apache.olingo.odata2.api.ep.EntityProviderReadProperties;
import org.apache.olingo.odata2.api.ep.entry.ODataEntry;
import org.apache.olingo.odata2.api.ep.feed.ODataFeed;

/**
 * A request body as the payload tree core's reader takes. JSON (SAP's plain payloads, or OData verbose with
 * {@code __metadata}, {@code {"results":[…]}} and {@code @odata.context}) is parsed by Jackson and the OData
 * envelope removed; Atom XML is parsed by Olingo against the EDM.
 */
final class BodyReader {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
    }

    private BodyReader() {
    }

    static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json");
    }

    static JsonNode json(byte[] body) throws SapError {
        if (body.length == 0) {
            throw SapError.badRequest("odata_error", "The request body is empty; an entity is expected.");
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (JsonParseException e) {
            throw SapError.badRequest("odata_error", "The request body is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ").");
        } catch (JsonProcessingException e) {
            throw SapError.badRequest("odata_error", "The request body is not valid JSON.");
        } catch (IOException e) {
            throw SapError.badRequest("odata_error", "The request body cannot be read.");
        }
        if (tree == null || !tree.isObject()) {
            throw SapError.badRequest("odata_error", "The request body must be one JSON object (the entity).");
        }
        JsonNode entity = tree.has("d") && tree.size() == 1 && tree.get("d").isObject() ? tree.get("d") : tree;
        return strip(entity);
    }

    /**
     * Removes the OData envelope: {@code __metadata}, {@code @odata.*}, {@code integrationKey}, {@code __deferred},
     * {@code results}. A tree without any (SAP's plain payloads) is returned as it is, not copied.
     */
    private static JsonNode strip(JsonNode node) {
        return hasEnvelope(node) ? copyWithoutEnvelope(node) : node;
    }

    private static boolean hasEnvelope(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.size() == 1 && object.has("results") && object.get("results").isArray()) {
                return true;
            }
            for (Map.Entry<String, JsonNode> f : object.properties()) {
                if (isEnvelope(f.getKey(), f.getValue()) || hasEnvelope(f.getValue())) {
                    return true;
                }
            }
            return false;
        }
        if (node instanceof ArrayNode array) {
            for (JsonNode e : array) {
                if (hasEnvelope(e)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isEnvelope(String name, JsonNode value) {
        return name.equals("__metadata") || name.startsWith("@odata.") || name.equals(IoModel.INTEGRATION_KEY)
                || value.isObject() && value.has("__deferred");
    }

    private static JsonNode copyWithoutEnvelope(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.size() == 1 && object.has("results") && object.get("results").isArray()) {
                return copyWithoutEnvelope(object.get("results"));
            }
            ObjectNode copy = JSON.createObjectNode();
            for (Map.Entry<String, JsonNode> f : object.properties()) {
                if (!isEnvelope(f.getKey(), f.getValue())) {
                    copy.set(f.getKey(), copyWithoutEnvelope(f.getValue()));
                }
            }
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = JSON.createArrayNode();
            array.forEach(e -> copy.add(copyWithoutEnvelope(e)));
            return copy;
        }
        return node;
    }

    /** An Atom entry, parsed by Olingo, as a payload map. */
    static Map<String, Object> atom(String contentType, EdmEntitySet set, byte[] body) throws SapError {
        try {
            ODataEntry entry = EntityProvider.readEntry(contentType, set, new ByteArrayInputStream(body),
                    EntityProviderReadProperties.init().mergeSemantic(false).build());
            return entity(entry);
        } catch (EntityProviderException e) {
            throw SapError.badRequest("odata_error", "The Atom entry cannot be read: " + e.getMessage());
        }
    }

    private static Map<String, Object> entity(ODataEntry entry) {
        Map<String, Object> result = new LinkedHashMap<>();
        entry.getProperties().forEach((name, value) -> {
            if (!name.equals(IoModel.INTEGRATION_KEY)) {
                result.put(name, value(value));
            }
        });
        return result;
    }

    private static Object value(Object value) {
        if (value instanceof ODataEntry e) {
            return entity(e);
        }
        if (value instanceof ODataFeed feed) {
            List<Object> list = new ArrayList<>();
            feed.getEntries().forEach(e -> list.add(entity(e)));
            return list;
        }
        if (value instanceof Calendar c) {
            return c.toInstant().toString();
        }
        return value;
    }
}
