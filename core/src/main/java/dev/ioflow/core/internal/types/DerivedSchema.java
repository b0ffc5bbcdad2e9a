package dev.ioflow.core.internal.types;

import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.IntegrationObjectAttribute;
import dev.ioflow.core.IntegrationObjectItem;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;

/**
 * The Map-item schema implied by integration-object definitions: for each item's type, one attribute per
 * non-virtual attribute's source; a source with a nested item ({@code returnItem}) references that item's
 * type, any other is of undeclared kind. Several items (or definitions) of one type add up; a source that
 * one definition reads as a reference and another as a value stays a reference.
 */
public final class DerivedSchema {
    /** By type code, by source attribute: the referenced type code, or null for a value. */
    private final Map<String, Map<String, String>> types = new LinkedHashMap<>();

    /** Adds what the definition says about its items' types. */
    public DerivedSchema add(IntegrationObject definition) {
        for (IntegrationObjectItem item : definition.items()) {
            Map<String, String> attributes = types.computeIfAbsent(item.type(), t -> new LinkedHashMap<>());
            for (IntegrationObjectAttribute attribute : item.attributes()) {
                if (attribute.source() != null && !attribute.isVirtual()) {
                    String referenced = attribute.isNested()
                            ? Optional.ofNullable(definition.item(attribute.returnItem())).map(IntegrationObjectItem::type).orElse(null)
                            : null;
                    merge(item.type(), attributes, attribute.source(), referenced);
                }
            }
        }
        return this;
    }

    /** By type code, by source attribute: the referenced type code, or null for a value of any kind. */
    public Map<String, Map<String, String>> types() {
        return types;
    }

    private static void merge(String type, Map<String, String> attributes, String source, String referenced) {
        if (!attributes.containsKey(source) || attributes.get(source) == null) {
            attributes.put(source, referenced);
        } else if (referenced != null && !Objects.equals(attributes.get(source), referenced)) {
            throw new IllegalArgumentException("attribute '" + source + "' of type '" + type + "' references type '"
                    + attributes.get(source) + "' in one definition and type '" + referenced + "' in another");
        }
    }
}
