package dev.ioflow.emarsys.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ioflow.emarsys.ValueConverter;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One line of a contact mapping: a payload attribute path to an Emarsys field, by id or (until resolved) by name.
 *
 * @param path      the payload attribute path, e.g. {@code defaultAddress.town}
 * @param fieldId   the Emarsys field id; null while only the name is known
 * @param fieldName the Emarsys field name it was declared with; null when declared by id
 * @param converter turns the payload value into Emarsys' text
 */
public record MappedField(String path, @Nullable Integer fieldId, @Nullable String fieldName, ValueConverter converter) {

    /** Requires a path, a converter and an id or a name. */
    public MappedField {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(converter, "converter");
        if (fieldId == null && fieldName == null) {
            throw new IllegalArgumentException("a field id or name is required for " + path);
        }
    }

    /** The value at the path, or a missing node when an object on the way or the attribute itself is absent. */
    public JsonNode valueIn(JsonNode payload) {
        JsonNode node = payload;
        int start = 0;
        while (start <= path.length() && !node.isMissingNode()) {
            int dot = path.indexOf('.', start);
            int end = dot < 0 ? path.length() : dot;
            node = node.path(path.substring(start, end));
            start = end + 1;
        }
        return node;
    }

    /** A copy bound to a field id. */
    public MappedField withFieldId(int id) {
        return new MappedField(path, id, fieldName, converter);
    }

    /** {@code 'contactEmail' -> field 3} or {@code -> field 'Customer ID'}. */
    public String describe() {
        return "'" + path + "' -> field " + (fieldId != null ? fieldId : "'" + fieldName + "'");
    }
}
