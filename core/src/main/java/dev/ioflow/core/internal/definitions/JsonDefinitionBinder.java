package dev.ioflow.core.internal.definitions;

import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.ClassAttributeAssignment;
import dev.ioflow.core.IntegrationObjectAttribute;
import dev.ioflow.core.IntegrationObjectItem;
import dev.ioflow.core.IntegrationType;
import dev.ioflow.core.ItemTypeMatch;
import dev.ioflow.core.internal.definitions.JsonFields.Element;
import dev.ioflow.core.internal.definitions.JsonValueAt.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Binds a {@link JsonValueAt} tree to integration objects, following the format documented on
 * {@link dev.ioflow.core.IntegrationObjectJson}. Every shape problem is added to the {@link Problems};
 * elements that lack a required property are left out of the result (which is then not used).
 */
final class JsonDefinitionBinder {
    static final String INTEGRATION_OBJECTS = "integrationObjects";
    private static final List<String> DOCUMENT_PROPERTIES = List.of(INTEGRATION_OBJECTS);
    private static final List<String> IO_PROPERTIES = List.of("code", "integrationType", "items");
    private static final List<String> ITEM_PROPERTIES = List.of("code", "type", "root", "itemTypeMatch", "attributes");
    private static final List<String> ATTRIBUTE_PROPERTIES =
            List.of("name", "source", "descriptorType", "unique", "autoCreate", "partOf", "item", "virtual", "classification");
    private static final List<String> CLASSIFICATION_PROPERTIES = List.of("system", "version", "classCode", "attributeCode");

    private final Problems problems;

    JsonDefinitionBinder(Problems problems) {
        this.problems = problems;
    }

    /** The integration objects of a document: a wrapper object, a single integration object, or an array of them. */
    List<IntegrationObject> bind(JsonValueAt root) {
        if (root.kind() == Kind.ARRAY) {
            return integrationObjects(root, "$");
        }
        if (root.kind() == Kind.OBJECT && root.members().stream().anyMatch(m -> m.name().equals(INTEGRATION_OBJECTS))) {
            List<IntegrationObject> result = new ArrayList<>();
            JsonFields.of(root, "$", DOCUMENT_PROPERTIES, problems).ifPresent(document -> document.array(INTEGRATION_OBJECTS)
                    .forEach(e -> integrationObject(e).ifPresent(result::add)));
            return result;
        }
        if (root.kind() != Kind.OBJECT) {
            problems.json(root, "$", "expected an object with '" + INTEGRATION_OBJECTS
                    + "', an integration object or an array of them, but found " + root.describe());
            return List.of();
        }
        return integrationObject(new Element(root, "$")).stream().toList();
    }

    private List<IntegrationObject> integrationObjects(JsonValueAt array, String path) {
        List<IntegrationObject> result = new ArrayList<>();
        for (int i = 0; i < array.elements().size(); i++) {
            integrationObject(new Element(array.elements().get(i), path + "[" + i + "]")).ifPresent(result::add);
        }
        return result;
    }

    private Optional<IntegrationObject> integrationObject(Element element) {
        return JsonFields.of(element.value(), element.path(), IO_PROPERTIES, problems).flatMap(fields -> {
            Optional<String> code = fields.requiredText("code");
            IntegrationType type = fields.enumValue("integrationType", IntegrationType.class, IntegrationType.INBOUND);
            List<IntegrationObjectItem> items = new ArrayList<>();
            fields.array("items").forEach(e -> item(e).ifPresent(items::add));
            return code.map(c -> IntegrationObject.builder(c).integrationType(type).items(items).build());
        });
    }

    private Optional<IntegrationObjectItem> item(Element element) {
        return JsonFields.of(element.value(), element.path(), ITEM_PROPERTIES, problems).flatMap(fields -> {
            Optional<String> code = fields.requiredText("code");
            Optional<String> type = fields.text("type");
            boolean root = fields.flag("root");
            ItemTypeMatch match = fields.enumValue("itemTypeMatch", ItemTypeMatch.class, ItemTypeMatch.ALL_SUB_AND_SUPER_TYPES);
            List<IntegrationObjectAttribute> attributes = new ArrayList<>();
            fields.array("attributes").forEach(e -> attribute(e).ifPresent(attributes::add));
            return code.map(c -> IntegrationObjectItem.builder(c).type(type.orElse(c)).root(root).itemTypeMatch(match)
                    .attributes(attributes).build());
        });
    }

    private Optional<IntegrationObjectAttribute> attribute(Element element) {
        return JsonFields.of(element.value(), element.path(), ATTRIBUTE_PROPERTIES, problems).flatMap(fields -> {
            Optional<String> name = fields.requiredText("name");
            Optional<String> virtual = fields.text("virtual");
            Optional<ClassAttributeAssignment> classification = fields.object("classification", CLASSIFICATION_PROPERTIES)
                    .flatMap(JsonDefinitionBinder::classification);
            boolean computed = virtual.isPresent() || fields.has("classification");
            // An explicit "source": null keeps a non-virtual attribute without source, so writing stays lossless.
            Optional<String> source = fields.has("source") ? fields.text("source") : computed ? Optional.empty() : name;
            Optional<String> descriptorType = fields.text("descriptorType");
            boolean unique = fields.flag("unique");
            boolean autoCreate = fields.flag("autoCreate");
            boolean partOf = fields.flag("partOf");
            Optional<String> item = fields.text("item");
            return name.map(n -> IntegrationObjectAttribute.builder(n).logicLocation(virtual.orElse(null))
                    .classification(classification.orElse(null)).source(source.orElse(null))
                    .descriptorType(descriptorType.orElse(null)).unique(unique).autoCreate(autoCreate).partOf(partOf)
                    .item(item.orElse(null)).build());
        });
    }

    private static Optional<ClassAttributeAssignment> classification(JsonFields fields) {
        Optional<String> system = fields.requiredText("system");
        Optional<String> version = fields.requiredText("version");
        Optional<String> classCode = fields.requiredText("classCode");
        Optional<String> attributeCode = fields.requiredText("attributeCode");
        if (system.isEmpty() || version.isEmpty() || classCode.isEmpty() || attributeCode.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ClassAttributeAssignment(system.get(), version.get(), classCode.get(), attributeCode.get()));
    }
}
