package dev.ioflow.core.internal.types;

import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.IntegrationObjectAttribute;
import dev.ioflow.core.IntegrationObjectItem;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.HashSet;
import java.util.Optional;
import java.util.Objects;
import java.util.Set;

/**
 * The Map-item schema implied by integration-object definitions: for each item's type, one attribute per
 * non-virtual attribute's source; a source with a nested item ({@code returnItem}) references that item's
 * type, any other is of undeclared kind. Several items (or definitions) of one type add up; a source that
 * one definition reads as a reference and another as a value stays a reference; a source read as references to
 * different types is of undeclared kind.
 */
public final class DerivedSchema {
    /** By type code, by source attribute: the referenced type code, or null for a value. */
    private final Map<String, Map<String, String>> types = new LinkedHashMap<>();
    /** {@code type.attribute} of sources referenced as different types. */
    private final Set<String> polymorphic = new HashSet<>();

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

    /**
     * A source read as references to two different types (a polymorphic reference, e.g. SAP's
     * {@code ConsumedDestination.credential} read as a {@code BasicCredential} by one attribute and as a
     * {@code ConsumedOAuthCredential} by another) becomes a value of any kind, which accepts either nested item.
     */
    private void merge(String type, Map<String, String> attributes, String source, String referenced) {
        String key = type + "." + source;
        if (polymorphic.contains(key)) {
            return;
        }
        if (!attributes.containsKey(source) || attributes.get(source) == null) {
            attributes.put(source, referenced);
        } else if (referenced != null && !Objects.equals(attributes.get(source), referenced)) {
            attributes.put(source, null);
            polymorphic.add(key);
        }
    }
}
