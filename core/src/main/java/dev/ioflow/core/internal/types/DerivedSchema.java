package dev.ioflow.core.internal.types;

import dev.ioflow.core.AttributeDescriptor;
import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.IntegrationObjectAttribute;
import dev.ioflow.core.IntegrationObjectItem;
import dev.ioflow.core.ValueKind;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

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
    /** By type code: the type its attribute descriptors name as theirs when it is not the item's own. */
    private final Map<String, String> supertypes = new LinkedHashMap<>();

    /** Adds what the definition says about its items' types. */
    public DerivedSchema add(IntegrationObject definition) {
        for (IntegrationObjectItem item : definition.items()) {
            Map<String, String> attributes = types.computeIfAbsent(item.type(), t -> new LinkedHashMap<>());
            for (IntegrationObjectAttribute attribute : item.attributes()) {
                String declaring = attribute.descriptorType();
                if (declaring != null && !declaring.equals(item.type())) {
                    supertypes.putIfAbsent(item.type(), declaring);
                }
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
     * By type code: the supertype the definitions imply, when an item reads attributes of another type
     * ({@code Product:europe1Prices} on a {@code GenericVariantProduct} item makes {@code Product} its supertype).
     */
    public Map<String, String> supertypes() {
        return supertypes;
    }

    /** The descriptor of a derived attribute of a {@code Map} item type: a single reference, or a value of any kind. */
    public static AttributeDescriptor descriptor(String type, String name, @Nullable String referenced) {
        MapEntryAccessor accessor = new MapEntryAccessor(type, name);
        return referenced == null ? AttributeDescriptor.of(name, ValueKind.ANY, accessor)
                : AttributeDescriptor.references(name, referenced, false, accessor);
    }

    /**
     * A source read as references to two different types (a polymorphic reference, e.g. SAP's
     * {@code ConsumedDestination.credential} read as a {@code BasicCredential} by one attribute and as a
     * {@code ConsumedOAuthCredential} by another) becomes a value of any kind, which accepts either nested item.
     */
    private void merge(String type, Map<String, String> attributes, String source, @Nullable String referenced) {
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
