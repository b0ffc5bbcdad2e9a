package dev.ioflow.core.internal.definitions;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The SAP Commerce item types of integration-object definitions that the ImpEx importer reads, with the header
 * columns each accepts (written without blanks) and the field each column fills.
 */
enum ImpexType {
    INTEGRATION_OBJECT("IntegrationObject", List.of("code"),
            "code", "code", "integrationType(code)", "integrationType"),
    INTEGRATION_OBJECT_ITEM("IntegrationObjectItem", List.of("integrationObject", "code"),
            "integrationObject(code)", "integrationObject", "code", "code", "type(code)", "type", "root", "root",
            "itemTypeMatch(code)", "itemTypeMatch"),
    INTEGRATION_OBJECT_ITEM_ATTRIBUTE("IntegrationObjectItemAttribute", List.of("item", "attributeName"),
            ImpexType.ITEM_COLUMN, "item", "attributeName", "attributeName",
            "attributeDescriptor(enclosingType(code),qualifier)", "attributeDescriptor",
            "returnIntegrationObjectItem(integrationObject(code),code)", "returnItem",
            "unique", "unique", "autoCreate", "autoCreate", "partOf", "partOf"),
    VIRTUAL_ATTRIBUTE_DESCRIPTOR("IntegrationObjectVirtualAttributeDescriptor", List.of("code"),
            "code", "code", "logicLocation", "logicLocation", "logicLocation(code)", "logicLocation", "type(code)", "type"),
    ITEM_VIRTUAL_ATTRIBUTE("IntegrationObjectItemVirtualAttribute", List.of("item", "attributeName"),
            ImpexType.ITEM_COLUMN, "item", "attributeName", "attributeName",
            "retrievalDescriptor(code)", "retrievalDescriptor"),
    CLASSIFICATION_ATTRIBUTE("IntegrationObjectItemClassificationAttribute", List.of("item", "attributeName"),
            ImpexType.ITEM_COLUMN, "item", "attributeName", "attributeName",
            ImpexType.CLASS_ATTRIBUTE_ASSIGNMENT_COLUMN, "classAttributeAssignment",
            "returnIntegrationObjectItem(integrationObject(code),code)", "returnItem", "autoCreate", "autoCreate");

    /** SAP types of integration-object definitions that ioflow's model does not cover. */
    static final Set<String> UNSUPPORTED = Set.of("IntegrationObjectClass", "IntegrationObjectClassAttribute");

    /** Fields whose values are references written {@code integrationObject:code} or {@code type:qualifier}. */
    static final Set<String> TWO_PART_REFERENCES = Set.of("item", "returnItem", "attributeDescriptor");

    private static final String ITEM_COLUMN = "integrationObjectItem(integrationObject(code),code)";
    /** The class attribute assignment: class {@code system:version:code}, then attribute {@code system:version:code}. */
    private static final String CLASS_ATTRIBUTE_ASSIGNMENT_COLUMN = "classAttributeAssignment(classificationClass(catalogVersion("
            + "catalog(id),version),code),classificationAttribute(systemVersion(catalog(id),version),code))";

    private final String code;
    private final List<String> keyFields;
    private final Map<String, String> fieldsByColumn = new LinkedHashMap<>();
    private final Map<String, String> fieldsByLowerCaseColumn = new HashMap<>();

    ImpexType(String code, List<String> keyFields, String... columnsAndFields) {
        this.code = code;
        this.keyFields = keyFields;
        for (int i = 0; i < columnsAndFields.length; i += 2) {
            fieldsByColumn.put(columnsAndFields[i], columnsAndFields[i + 1]);
            fieldsByLowerCaseColumn.put(columnsAndFields[i].toLowerCase(Locale.ROOT), columnsAndFields[i + 1]);
        }
    }

    /** The type with this code (as written in a header, in any case: SAP's type codes are), if the importer reads it. */
    static Optional<ImpexType> of(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equalsIgnoreCase(code)).findFirst();
    }

    /** The SAP type code, e.g. {@code IntegrationObjectItem}. */
    String code() {
        return code;
    }

    /** The fields that identify a row: rows with equal values define the same thing. */
    List<String> keyFields() {
        return keyFields;
    }

    /** The field a column (written without blanks, in any case, as SAP's ImpEx allows) fills, if any. */
    Optional<String> field(String column) {
        return Optional.ofNullable(fieldsByLowerCaseColumn.get(column.toLowerCase(Locale.ROOT)));
    }

    /** The columns this type accepts, for messages. */
    String columns() {
        return String.join(", ", fieldsByColumn.keySet());
    }

    /** The column that fills a field, for messages. */
    String column(String field) {
        return fieldsByColumn.entrySet().stream().filter(e -> e.getValue().equals(field)).map(Map.Entry::getKey)
                .findFirst().orElse(field);
    }
}
