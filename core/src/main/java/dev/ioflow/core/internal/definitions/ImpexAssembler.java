package dev.ioflow.core.internal.definitions;

import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.IntegrationObjectAttribute;
import dev.ioflow.core.IntegrationObjectItem;
import dev.ioflow.core.IntegrationType;
import dev.ioflow.core.ItemTypeMatch;
import dev.ioflow.core.internal.definitions.ImpexRows.Row;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns the merged definition rows into integration objects, resolving the references between them
 * (item → integration object, attribute → item, virtual attribute → descriptor) whatever their order in the
 * files, and reporting values that do not fit: unknown references, bad booleans and enum values, malformed
 * class attribute assignments. An attribute descriptor of another type than its item's is kept as the
 * attribute's {@code descriptorType}: SAP allows a supertype's, which only the type system can tell.
 */
final class ImpexAssembler {
    private final Problems problems;
    private final ImpexValues values;

    ImpexAssembler(Problems problems) {
        this.problems = problems;
        this.values = new ImpexValues(problems);
    }

    /** Work-in-progress items of one integration object, by item code, in order. */
    private record Draft(Row row, Map<String, Row> items, Map<String, List<IntegrationObjectAttribute>> attributes) {
    }

    List<IntegrationObject> assemble(ImpexRows rows) {
        Map<String, Draft> ios = new LinkedHashMap<>();
        Set<String> orphans = new HashSet<>();
        rows.of(ImpexType.INTEGRATION_OBJECT).forEach(r -> ios.put(r.text("code"), new Draft(r, new LinkedHashMap<>(), new HashMap<>())));
        for (Row item : rows.of(ImpexType.INTEGRATION_OBJECT_ITEM)) {
            Draft io = ios.get(item.text("integrationObject"));
            if (io == null) {
                ImpexValue at = item.cells().get("integrationObject");
                problems.impex(at, "item '" + item.text("code") + "' is in integration object '"
                        + at.text() + "', which is not defined; defined: " + ios.keySet());
                orphans.add(at.text() + ":" + item.text("code"));
            } else {
                io.items().put(item.text("code"), item);
                io.attributes().put(item.text("code"), new ArrayList<>());
            }
        }
        Map<String, String> logicLocations = new HashMap<>();
        rows.of(ImpexType.VIRTUAL_ATTRIBUTE_DESCRIPTOR).forEach(r -> logicLocations.put(r.text("code"), r.text("logicLocation")));
        rows.of(ImpexType.INTEGRATION_OBJECT_ITEM_ATTRIBUTE, ImpexType.ITEM_VIRTUAL_ATTRIBUTE, ImpexType.CLASSIFICATION_ATTRIBUTE).stream()
                .filter(attribute -> !orphans.contains(attribute.text("item")))
                .forEach(attribute -> addAttribute(attribute, ios, logicLocations));
        return ios.values().stream().map(this::integrationObject).toList();
    }

    private void addAttribute(Row row, Map<String, Draft> ios, Map<String, String> logicLocations) {
        ImpexValue itemRef = row.cells().get("item");
        String[] ioAndItem = itemRef.text().split(":");
        Draft io = ios.get(ioAndItem[0]);
        Row item = io == null ? null : io.items().get(ioAndItem[1]);
        if (item == null) {
            problems.impex(itemRef, "attribute '" + row.text("attributeName")
                    + "' is in integration object item '" + itemRef.text() + "', which is not defined");
            return;
        }
        String name = row.text("attributeName");
        IntegrationObjectAttribute attribute = switch (row.type()) {
            case ITEM_VIRTUAL_ATTRIBUTE -> virtualAttribute(row, name, logicLocations);
            case CLASSIFICATION_ATTRIBUTE -> IntegrationObjectAttribute.builder(name)
                    .classification(ClassificationCells.assignment(row, problems))
                    .autoCreate(values.bool(row, "autoCreate")).item(returnItem(row, io)).build();
            default -> IntegrationObjectAttribute.builder(name).source(source(row))
                    .descriptorType(descriptorType(row, item)).unique(values.bool(row, "unique"))
                    .autoCreate(values.bool(row, "autoCreate")).partOf(values.bool(row, "partOf"))
                    .item(returnItem(row, io)).build();
        };
        io.attributes().get(item.text("code")).add(attribute);
    }

    private IntegrationObjectAttribute virtualAttribute(Row row, String name, Map<String, String> logicLocations) {
        ImpexValue descriptor = row.cells().get("retrievalDescriptor");
        String logicLocation = descriptor == null ? null : logicLocations.get(descriptor.text());
        if (descriptor == null) {
            problems.impex(row.cells().get("item"),
                    "virtual attribute '" + name + "' has no retrievalDescriptor(code)");
        } else if (logicLocation == null) {
            problems.impex(descriptor, "virtual attribute '" + name + "' uses descriptor '"
                    + descriptor.text() + "', which no IntegrationObjectVirtualAttributeDescriptor with a logicLocation defines");
        }
        return IntegrationObjectAttribute.builder(name).source(null).logicLocation(logicLocation).build();
    }

    /** The qualifier of the attribute descriptor; the payload name when none. */
    private static String source(Row row) {
        ImpexValue descriptor = row.cells().get("attributeDescriptor");
        return descriptor == null ? row.text("attributeName") : descriptor.text().split(":")[1];
    }

    /**
     * The type of the attribute descriptor when it is not the item's own: a supertype, as SAP allows (whether it
     * is one is checked against the type system by the validator).
     */
    private static @Nullable String descriptorType(Row row, Row item) {
        ImpexValue descriptor = row.cells().get("attributeDescriptor");
        String type = descriptor == null ? null : descriptor.text().split(":")[0];
        return type == null || type.equals(itemType(item)) ? null : type;
    }

    private String returnItem(Row row, Draft io) {
        ImpexValue ref = row.cells().get("returnItem");
        if (ref == null) {
            return null;
        }
        String[] ioAndItem = ref.text().split(":");
        if (!ioAndItem[0].equals(io.row().text("code")) || !io.items().containsKey(ioAndItem[1])) {
            problems.impex(ref, "returnIntegrationObjectItem '" + ref.text() + "' is not an item of "
                    + "integration object '" + io.row().text("code") + "'; its items: " + io.items().keySet());
        }
        return ioAndItem[1];
    }

    private IntegrationObject integrationObject(Draft io) {
        IntegrationObject.Builder builder = IntegrationObject.builder(io.row().text("code"))
                .integrationType(values.enumValue(io.row(), "integrationType", IntegrationType.class, IntegrationType.INBOUND));
        for (Row item : io.items().values()) {
            builder.item(IntegrationObjectItem.builder(item.text("code")).type(itemType(item)).root(values.bool(item, "root"))
                    .itemTypeMatch(values.enumValue(item, "itemTypeMatch", ItemTypeMatch.class, ItemTypeMatch.ALL_SUB_AND_SUPER_TYPES))
                    .attributes(io.attributes().get(item.text("code"))).build());
        }
        return builder.build();
    }

    private static String itemType(Row item) {
        String type = item.text("type");
        return type == null ? item.text("code") : type;
    }
}
