package dev.ioflow.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;

/**
 * The stand-in's contact calls (upsert, create, delete, get data) over a {@link ContactStore}, answering with
 * Emarsys' envelope and per-contact errors. Not thread-safe: the stand-in serializes calls. Not API.
 */
public final class ContactEndpoints {
    /** Emarsys' limit on contacts per call. */
    public static final int MAX_BATCH = 1000;
    private static final String EMAIL_FIELD = "3";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final ContactStore store;
    private final FieldCatalog fields;
    private final Envelope envelope;

    /** Serves calls over this store and these fields. */
    public ContactEndpoints(ContactStore store, FieldCatalog fields, Envelope envelope) {
        this.store = store;
        this.fields = fields;
        this.envelope = envelope;
    }

    /** {@code PUT /contact} (updates; creates too when {@code createIfNotExists}) and {@code POST /contact} (creates). */
    public MockResponse write(JsonNode body, boolean mayUpdate, boolean mayCreate) {
        String keyId = keyId(body, "key_id");
        JsonNode contacts = body.path("contacts");
        MockResponse invalid = checkBatch(keyId, contacts.isArray() ? contacts.size() : 0);
        if (invalid != null) {
            return invalid;
        }
        List<Object> ids = new ArrayList<>();
        Map<String, Map<String, String>> errors = new LinkedHashMap<>();
        for (int i = 0; i < contacts.size(); i++) {
            JsonNode contact = contacts.get(i);
            String keyValue = text(contact.get(keyId));
            String errorKey = keyValue == null || keyValue.isBlank() ? String.valueOf(i) : keyValue;
            ContactError error = writeOne(contact, keyId, keyValue, mayUpdate, mayCreate, ids);
            if (error != null) {
                errors.put(errorKey, Map.of(String.valueOf(error.code()), error.text()));
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("ids", ids);
        if (!errors.isEmpty()) {
            data.put("errors", errors);
        }
        return envelope.ok(data);
    }

    private ContactError writeOne(JsonNode contact, String keyId, String keyValue, boolean mayUpdate,
                                  boolean mayCreate, List<Object> ids) {
        if (keyValue == null || keyValue.isBlank()) {
            return new ContactError(Envelope.INVALID_KEY_VALUE, "No value provided for key field: " + keyId);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : contact.properties()) {
            if (!fields.contains(field.getKey())) {
                return new ContactError(Envelope.INVALID_FIELD_ID, "Invalid field id: " + field.getKey());
            }
            if (field.getValue().isContainerNode()) {
                return new ContactError(Envelope.INVALID_VALUE, "Invalid value for field " + field.getKey() + ": not a scalar");
            }
            values.put(field.getKey(), text(field.getValue()));
        }
        String email = values.get(EMAIL_FIELD);
        if (email != null && !EMAIL.matcher(email).matches()) {
            return new ContactError(Envelope.INVALID_VALUE, "Invalid email address");
        }
        List<Long> matches = store.find(keyId, keyValue);
        if (matches.size() > 1) {
            return new ContactError(Envelope.AMBIGUOUS_KEY, "More than one contact has this key value");
        }
        if (matches.size() == 1) {
            if (!mayUpdate) {
                return new ContactError(Envelope.ALREADY_EXISTS, "Contact with the external key already exists");
            }
            store.update(matches.get(0), values);
            ids.add(String.valueOf(matches.get(0)));
            return null;
        }
        if (!mayCreate) {
            return new ContactError(Envelope.NO_CONTACT, "No contact found with the external id: " + keyId);
        }
        ids.add(store.create(values));
        return null;
    }

    /** {@code POST /contact/delete}: key values as {@code "<keyId>": [..]} (or one value, or a contacts list). */
    public MockResponse delete(JsonNode body) {
        String keyId = keyId(body, "key_id");
        List<String> keyValues = deleteKeyValues(body, keyId);
        MockResponse invalid = checkBatch(keyId, keyValues.size());
        if (invalid != null) {
            return invalid;
        }
        List<Object> ids = new ArrayList<>();
        Map<String, Map<String, String>> errors = new LinkedHashMap<>();
        for (String keyValue : keyValues) {
            List<Long> matches = store.find(keyId, keyValue);
            if (matches.isEmpty()) {
                errors.put(keyValue, Map.of(String.valueOf(Envelope.NO_CONTACT), "No contact found with the external id: " + keyId));
            } else if (matches.size() > 1) {
                errors.put(keyValue, Map.of(String.valueOf(Envelope.AMBIGUOUS_KEY), "More than one contact has this key value"));
            } else {
                store.delete(matches.get(0));
                ids.add(String.valueOf(matches.get(0)));
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("ids", ids);
        data.put("deleted_contacts", ids.size());
        if (!errors.isEmpty()) {
            data.put("errors", errors);
        }
        return envelope.ok(data);
    }

    private static List<String> deleteKeyValues(JsonNode body, String keyId) {
        List<String> values = new ArrayList<>();
        JsonNode direct = body.get(keyId);
        if (direct != null && direct.isArray()) {
            direct.forEach(v -> values.add(text(v)));
        } else if (direct != null) {
            values.add(text(direct));
        } else {
            body.path("contacts").forEach(c -> values.add(text(c.get(keyId))));
        }
        return values;
    }

    /** {@code POST /contact/getdata}: the requested fields (all when none are named) of each key value. */
    public MockResponse getData(JsonNode body) {
        String keyId = body.has("keyId") ? keyId(body, "keyId") : keyId(body, "key_id");
        JsonNode keyValues = body.path("keyValues");
        MockResponse invalid = checkBatch(keyId, keyValues.size());
        if (invalid != null) {
            return invalid;
        }
        List<String> wanted = new ArrayList<>();
        body.path("fields").forEach(f -> wanted.add(text(f)));
        List<Map<String, String>> result = new ArrayList<>();
        List<Map<String, Object>> errors = new ArrayList<>();
        for (JsonNode keyNode : keyValues) {
            String keyValue = text(keyNode);
            List<Long> matches = store.find(keyId, keyValue);
            if (matches.isEmpty()) {
                errors.add(Map.of("key", keyValue, "errorCode", Envelope.NO_CONTACT, "errorMsg", "No contact found"));
            }
            for (long id : matches) {
                result.add(select(id, wanted));
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("errors", errors);
        data.put("result", result.isEmpty() ? Boolean.FALSE : result);
        return envelope.ok(data);
    }

    private Map<String, String> select(long id, List<String> wanted) {
        Map<String, String> contact = store.get(id);
        Map<String, String> selected = new LinkedHashMap<>();
        selected.put("id", String.valueOf(id));
        if (wanted.isEmpty()) {
            selected.putAll(contact);
        } else {
            wanted.forEach(field -> selected.put(field, contact.get(field)));
        }
        return selected;
    }

    private MockResponse checkBatch(String keyId, int size) {
        if (!fields.contains(keyId)) {
            return envelope.reply(400, Envelope.INVALID_KEY_FIELD, "Invalid key field id: " + keyId, null);
        }
        if (size > MAX_BATCH) {
            return envelope.reply(400, Envelope.BATCH_TOO_LARGE, "The number of contacts exceeds the limit of "
                    + MAX_BATCH + ": " + size, null);
        }
        return null;
    }

    private static String keyId(JsonNode body, String property) {
        JsonNode node = body.get(property);
        return node == null || node.isNull() ? EMAIL_FIELD : node.asText();
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private record ContactError(int code, String text) {
    }
}
