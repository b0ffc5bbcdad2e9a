package dev.ioflow.odata.internal.persist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** Jackson trees as plain maps, for the reader's partial (PATCH) entry point. */
final class JsonTrees {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonTrees() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> toMap(JsonNode tree) {
        return MAPPER.convertValue(tree, Map.class);
    }
}
