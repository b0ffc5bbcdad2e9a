package dev.ioflow.testing.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stand-in's contacts: field id → value maps with an internal id, findable by the value of any field.
 * Not thread-safe: the stand-in serializes access. Not API.
 */
public final class ContactStore {
    private final Map<Long, Map<String, String>> byId = new LinkedHashMap<>();
    private final Map<String, Map<String, Set<Long>>> index = new HashMap<>();
    private long nextId = 100_001;

    /** Ids of the contacts whose field {@code fieldId} equals {@code value}. */
    public List<Long> find(String fieldId, String value) {
        Set<Long> ids = index.getOrDefault(fieldId, Map.of()).get(value);
        return ids == null ? List.of() : List.copyOf(ids);
    }

    /** Creates a contact with these fields and returns its id. */
    public long create(Map<String, String> fields) {
        long id = nextId++;
        byId.put(id, new LinkedHashMap<>());
        update(id, fields);
        return id;
    }

    /** Sets the given fields of a contact; the others keep their values. A null value clears the field. */
    public void update(long id, Map<String, String> fields) {
        Map<String, String> contact = byId.get(id);
        fields.forEach((field, value) -> {
            String old = value == null ? contact.remove(field) : contact.put(field, value);
            if (old != null) {
                unindex(field, old, id);
            }
            if (value != null) {
                index.computeIfAbsent(field, f -> new HashMap<>()).computeIfAbsent(value, v -> new LinkedHashSet<>()).add(id);
            }
        });
    }

    /** Removes a contact. */
    public void delete(long id) {
        Map<String, String> contact = byId.remove(id);
        if (contact != null) {
            contact.forEach((field, value) -> unindex(field, value, id));
        }
    }

    /** A copy of one contact's fields. */
    public Map<String, String> get(long id) {
        Map<String, String> contact = byId.get(id);
        return contact == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(contact));
    }

    /** Copies of all contacts, oldest first. */
    public List<Map<String, String>> all() {
        List<Map<String, String>> copies = new ArrayList<>(byId.size());
        byId.keySet().forEach(id -> copies.add(get(id)));
        return Collections.unmodifiableList(copies);
    }

    /** Removes every contact. */
    public void clear() {
        byId.clear();
        index.clear();
    }

    private void unindex(String field, String value, long id) {
        Map<String, Set<Long>> values = index.get(field);
        Set<Long> ids = values == null ? null : values.get(value);
        if (ids != null) {
            ids.remove(id);
            if (ids.isEmpty()) {
                values.remove(value);
            }
        }
    }
}
