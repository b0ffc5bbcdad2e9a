package dev.ioflow.testing.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fields of the stand-in's account: Emarsys' standard fields plus the custom fields a test declares.
 * Immutable. Not API.
 */
public final class FieldCatalog {
    private final Map<String, Map<String, Object>> fields;

    private FieldCatalog(Map<String, Map<String, Object>> fields) {
        this.fields = fields;
    }

    /** The standard fields and these custom fields (id → name). */
    public static FieldCatalog withCustomFields(Map<Integer, String> customFields) {
        Map<String, Map<String, Object>> fields = new LinkedHashMap<>();
        standard(fields, 1, "First Name", "shorttext");
        standard(fields, 2, "Last Name", "shorttext");
        standard(fields, 3, "E-Mail", "longtext");
        standard(fields, 4, "Birth Date", "birthdate");
        standard(fields, 5, "Gender", "singlechoice");
        standard(fields, 9, "Title", "singlechoice");
        standard(fields, 10, "Address", "longtext");
        standard(fields, 11, "City", "longtext");
        standard(fields, 12, "State", "longtext");
        standard(fields, 13, "ZIP Code", "shorttext");
        standard(fields, 14, "Country", "singlechoice");
        standard(fields, 15, "Phone", "longtext");
        standard(fields, 31, "Opt-In", "singlechoice");
        standard(fields, 35, "Language", "singlechoice");
        standard(fields, 37, "Mobile", "longtext");
        standard(fields, 46, "Salutation", "singlechoice");
        customFields.forEach((id, name) -> standard(fields, id, name, "shorttext"));
        return new FieldCatalog(fields);
    }

    private static void standard(Map<String, Map<String, Object>> fields, int id, String name, String type) {
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("id", id);
        field.put("name", name);
        field.put("application_type", type);
        field.put("string_id", name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_"));
        fields.put(String.valueOf(id), Map.copyOf(field));
    }

    /** Whether the account has a field with this id. */
    public boolean contains(String fieldId) {
        return fields.containsKey(fieldId);
    }

    /** The {@code GET /field} data: one {@code {id, name, application_type, string_id}} object per field. */
    public List<Map<String, Object>> describe() {
        List<Map<String, Object>> list = new ArrayList<>();
        fields.values().forEach(f -> {
            Map<String, Object> ordered = new LinkedHashMap<>();
            for (String key : List.of("id", "name", "application_type", "string_id")) {
                ordered.put(key, f.get(key));
            }
            list.add(ordered);
        });
        return list;
    }
}
