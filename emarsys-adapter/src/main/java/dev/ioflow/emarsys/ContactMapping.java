package dev.ioflow.emarsys;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ioflow.core.IntegrationObject;
import dev.ioflow.emarsys.internal.FieldNames;
import dev.ioflow.emarsys.internal.MappedField;
import dev.ioflow.emarsys.internal.MappingValidator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Maps integration-object payloads to Emarsys contacts: payload attribute paths to Emarsys fields (by id, or by
 * name resolved once against the account's field list), value converters, and the key field that identifies the
 * contact (default email, field 3). Immutable and thread-safe.
 *
 * <pre>{@code
 * ContactMapping mapping = ContactMapping.builder()
 *         .field("contactEmail", 3)
 *         .field("firstName", 1)
 *         .field("lastName", 2)
 *         .field("customerID", "Customer ID")              // resolved by name through GET field
 *         .field("birthDate", 4, ValueConverter.date())
 *         .field("defaultAddress.town", 11)
 *         .keyField("Customer ID")                          // update contacts by customer id, not email
 *         .build()
 *         .validateAgainst(ioCustomer);
 * ContactMapping ready = mapping.resolve(client.listFields());
 * Map<Integer, String> contact = ready.toContact(payload);  // {3=c1@example.com, 1=First1, …}
 * }</pre>
 *
 * @since 0.1
 */
public final class ContactMapping {

    /** Emarsys' email field, the default key field. */
    public static final int EMAIL_FIELD_ID = 3;

    private final List<MappedField> fields;
    private final MappedField keyField;

    private ContactMapping(List<MappedField> fields, MappedField keyField) {
        this.fields = List.copyOf(fields);
        this.keyField = keyField;
    }

    /** Starts a mapping. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether some fields are known by name only, so {@link #resolve} must be called before mapping payloads. */
    public boolean needsResolution() {
        return fields.stream().anyMatch(f -> f.fieldId() == null);
    }

    /** The mapped payload attribute paths, in declaration order. */
    public List<String> attributePaths() {
        return fields.stream().map(MappedField::path).toList();
    }

    /** The payload attribute path that holds the key value. */
    public String keyAttribute() {
        return keyField.path();
    }

    /**
     * The key field's id as sent in {@code key_id}.
     *
     * @throws EmarsysMappingException when the key field is known by name only and not yet resolved
     */
    public int keyFieldId() {
        requireResolved();
        return Objects.requireNonNull(keyField.fieldId(), "resolved key field id");
    }

    /**
     * A copy with every field name replaced by its id from the account's field list (exact name or
     * {@code string_id} first, then ignoring case). Returns this mapping when nothing needs resolving.
     *
     * @throws EmarsysMappingException naming every unknown field, its attribute and close names in the account
     */
    public ContactMapping resolve(List<EmarsysField> accountFields) {
        if (!needsResolution()) {
            return this;
        }
        FieldNames names = new FieldNames(accountFields);
        List<String> problems = new ArrayList<>();
        List<MappedField> resolved = new ArrayList<>();
        MappedField resolvedKey = keyField;
        for (MappedField f : fields) {
            MappedField r = f;
            if (f.fieldId() == null) {
                String name = Objects.requireNonNull(f.fieldName(), "name of a field without id");
                EmarsysField found = names.find(name);
                if (found == null) {
                    List<String> close = names.closeTo(name);
                    problems.add("Emarsys field '" + name + "' (mapped from payload attribute '" + f.path()
                            + "') is not defined in the account"
                            + (close.isEmpty() ? "" : "; close names: " + close));
                    continue;
                }
                r = f.withFieldId(found.id());
            }
            resolved.add(r);
            if (f == keyField) {
                resolvedKey = r;
            }
        }
        if (!problems.isEmpty()) {
            throw new EmarsysMappingException(String.join("\n", problems));
        }
        return new ContactMapping(checkUnique(resolved), resolvedKey);
    }

    /**
     * Checks that every mapped attribute path exists in the integration object (nested paths through the
     * referenced items). Returns this mapping, for chaining.
     *
     * @throws EmarsysMappingException naming every missing attribute and the integration object
     */
    public ContactMapping validateAgainst(IntegrationObject integrationObject) {
        List<String> problems = MappingValidator.problems(attributePaths(), integrationObject);
        if (!problems.isEmpty()) {
            throw new EmarsysMappingException(String.join("\n", problems));
        }
        return this;
    }

    /**
     * The contact for a payload: field id → text (values may be null). Attributes absent from the payload are left out (Emarsys keeps
     * the field as is); JSON {@code null} maps to null (clears the field).
     *
     * @throws EmarsysMappingException when the key value is missing or a value cannot be converted (the message
     *                                 names the attribute); the mapping must be {@linkplain #resolve resolved}
     */
    public Map<Integer, @Nullable String> toContact(JsonNode payload) {
        requireResolved();
        Map<Integer, @Nullable String> contact = new LinkedHashMap<>();
        for (MappedField f : fields) {
            JsonNode value = f.valueIn(payload);
            if (!value.isMissingNode()) {
                contact.put(Objects.requireNonNull(f.fieldId(), "resolved field id"), convert(f, value));
            }
        }
        requireKey(contact.get(keyField.fieldId()));
        return Collections.unmodifiableMap(contact);
    }

    /**
     * The key value of a payload (for deletes: only the key field is converted).
     *
     * @throws EmarsysMappingException when it is missing or blank
     */
    public String keyValue(JsonNode payload) {
        JsonNode value = keyField.valueIn(payload);
        return requireKey(value.isMissingNode() ? null : convert(keyField, value));
    }

    private String requireKey(@Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new EmarsysMappingException("the payload has no value for the key attribute '" + keyField.path()
                    + "' (Emarsys field " + (keyField.fieldId() != null ? keyField.fieldId()
                    : "'" + keyField.fieldName() + "'") + ")");
        }
        return value;
    }

    private static @Nullable String convert(MappedField f, JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        try {
            return f.converter().convert(value);
        } catch (IllegalArgumentException e) {
            throw new EmarsysMappingException("payload attribute '" + f.path() + "': " + e.getMessage());
        }
    }

    private void requireResolved() {
        if (needsResolution()) {
            throw new EmarsysMappingException("the contact mapping still has fields known by name only: "
                    + fields.stream().filter(f -> f.fieldId() == null).map(MappedField::describe).toList()
                    + "; call resolve(client.listFields()) first");
        }
    }

    private static List<MappedField> checkUnique(List<MappedField> fields) {
        Set<Integer> ids = new HashSet<>();
        for (MappedField f : fields) {
            Integer id = f.fieldId();
            if (id != null && !ids.add(id)) {
                throw new EmarsysMappingException("Emarsys field " + f.fieldId() + " is mapped more than once; "
                        + "second mapping: " + f.describe());
            }
        }
        return fields;
    }

    @Override
    public String toString() {
        return "ContactMapping[key " + keyField.describe() + ", fields "
                + fields.stream().map(MappedField::describe).toList() + "]";
    }

    /** Builds a {@link ContactMapping}. */
    public static final class Builder {
        private final List<MappedField> fields = new ArrayList<>();
        private @Nullable Integer keyFieldId = EMAIL_FIELD_ID;
        private @Nullable String keyFieldName;

        private Builder() {
        }

        /** Maps a payload attribute path (e.g. {@code contactEmail}, {@code defaultAddress.town}) to a field id. */
        public Builder field(String attributePath, int fieldId) {
            return field(attributePath, fieldId, ValueConverter.text());
        }

        /** Maps a payload attribute path to a field id through a converter. */
        public Builder field(String attributePath, int fieldId, ValueConverter converter) {
            return add(new MappedField(path(attributePath), fieldId, null, converter));
        }

        /** Maps a payload attribute path to a field by its name in the account (resolved once through {@code GET field}). */
        public Builder field(String attributePath, String fieldName) {
            return field(attributePath, fieldName, ValueConverter.text());
        }

        /** Maps a payload attribute path to a field by name through a converter. */
        public Builder field(String attributePath, String fieldName, ValueConverter converter) {
            Objects.requireNonNull(fieldName, "fieldName");
            return add(new MappedField(path(attributePath), null, fieldName, converter));
        }

        /** The key field by id (default 3, email); it must be mapped and unique (indexed) in the account. */
        public Builder keyField(int fieldId) {
            this.keyFieldId = fieldId;
            this.keyFieldName = null;
            return this;
        }

        /** The key field by the name it is mapped with, e.g. a custom {@code Customer ID} field. */
        public Builder keyField(String fieldName) {
            this.keyFieldName = Objects.requireNonNull(fieldName, "fieldName");
            this.keyFieldId = null;
            return this;
        }

        /**
         * Returns the mapping.
         *
         * @throws EmarsysMappingException when the key field is not mapped or a field id is mapped twice
         */
        public ContactMapping build() {
            MappedField key = fields.stream()
                    .filter(f -> keyFieldName != null ? keyFieldName.equals(f.fieldName())
                            : Objects.equals(keyFieldId, f.fieldId()))
                    .findFirst()
                    .orElseThrow(() -> new EmarsysMappingException("the key field " + (keyFieldName != null
                            ? "'" + keyFieldName + "'" : keyFieldId) + " is not mapped from any payload attribute; "
                            + "mapped: " + fields.stream().map(MappedField::describe).toList()));
            return new ContactMapping(checkUnique(fields), key);
        }

        private Builder add(MappedField field) {
            fields.add(field);
            return this;
        }

        private static String path(String attributePath) {
            Objects.requireNonNull(attributePath, "attributePath");
            if (attributePath.isBlank() || attributePath.startsWith(".") || attributePath.endsWith(".")
                    || attributePath.contains("..")) {
                throw new EmarsysMappingException("invalid payload attribute path '" + attributePath + "'");
            }
            return attributePath;
        }
    }
}
