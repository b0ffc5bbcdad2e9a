package dev.ioflow.emarsys.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ioflow.emarsys.ContactData;
import dev.ioflow.emarsys.ContactError;
import dev.ioflow.emarsys.ContactResult;
import dev.ioflow.emarsys.EmarsysChoice;
import dev.ioflow.emarsys.EmarsysField;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the {@code data} of successful answers into result records, leniently: ids as strings or numbers, errors
 * as an object keyed by key value ({@code {"a@x":{"2008":"…"}}}) or as a list ({@code [{"key":…,"errorCode":…,
 * "errorMsg":…}]}), an empty list for "no errors".
 */
public final class ReplyParser {

    private ReplyParser() {
    }

    /** The result of a create, upsert or delete. */
    public static ContactResult contactResult(EmarsysReply reply) {
        List<String> ids = new ArrayList<>();
        for (JsonNode id : reply.data().path("ids")) {
            ids.add(id.asText());
        }
        return new ContactResult(reply.httpStatus(), reply.replyCode(), reply.replyText(), ids,
                errors(reply.data().path("errors")), reply.rateLimit());
    }

    /** The result of {@code contact/getdata}; {@code result} may be {@code false} when nothing was found. */
    public static ContactData contactData(EmarsysReply reply) {
        List<Map<String, String>> contacts = new ArrayList<>();
        for (JsonNode contact : reply.data().path("result")) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : contact.properties()) {
                fields.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText());
            }
            contacts.add(Collections.unmodifiableMap(fields));
        }
        return new ContactData(contacts, errors(reply.data().path("errors")), reply.rateLimit());
    }

    /** The account's fields from {@code GET field}. */
    public static List<EmarsysField> fields(EmarsysReply reply) {
        List<EmarsysField> fields = new ArrayList<>();
        for (JsonNode f : reply.data()) {
            JsonNode stringId = f.path("string_id");
            fields.add(new EmarsysField(f.path("id").asInt(), f.path("name").asText(),
                    f.path("application_type").asText(null),
                    stringId.isNull() || stringId.isMissingNode() ? null : stringId.asText()));
        }
        return List.copyOf(fields);
    }

    /** The options of a choice field from {@code GET field/{id}/choice}. */
    public static List<EmarsysChoice> choices(EmarsysReply reply) {
        List<EmarsysChoice> choices = new ArrayList<>();
        for (JsonNode c : reply.data()) {
            choices.add(new EmarsysChoice(c.path("id").asText(), c.path("choice").asText()));
        }
        return List.copyOf(choices);
    }

    static Map<String, ContactError> errors(JsonNode errors) {
        Map<String, ContactError> result = new HashMap<>();
        if (errors.isObject()) {
            for (Map.Entry<String, JsonNode> e : errors.properties()) {
                result.put(e.getKey(), objectError(e.getKey(), e.getValue()));
            }
        } else if (errors.isArray()) {
            for (JsonNode e : errors) {
                String key = e.path("key").asText();
                result.put(key, new ContactError(key, e.path("errorCode").asInt(0), e.path("errorMsg").asText()));
            }
        }
        return result;
    }

    private static ContactError objectError(String key, JsonNode codes) {
        if (!codes.isObject() || codes.isEmpty()) {
            return new ContactError(key, 0, codes.asText());
        }
        int code = 0;
        StringBuilder message = new StringBuilder();
        for (Map.Entry<String, JsonNode> c : codes.properties()) {
            if (message.isEmpty()) {
                code = code(c.getKey());
                message.append(c.getValue().asText());
            } else {
                message.append("; ").append(c.getKey()).append(' ').append(c.getValue().asText());
            }
        }
        return new ContactError(key, code, message.toString());
    }

    private static int code(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
