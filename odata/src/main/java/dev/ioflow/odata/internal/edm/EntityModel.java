package dev.ioflow.odata.internal.edm;

import dev.ioflow.core.IntegrationObjectItem;
import dev.ioflow.core.ItemType;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One entity type of an integration object's service: an IO item, or a helper type
 * ({@code Localized___X}, a primitive collection type, a map type).
 *
 * @param name       the entity type name (the item code for items)
 * @param setName    the entity set name (SAP's plural)
 * @param item       the IO item, {@code null} for helper types
 * @param type       the item type, {@code null} for helper types
 * @param keyName    the key property ({@code integrationKey}, {@code language}, {@code value} or {@code key})
 * @param keyAlias   the {@code s:Alias} of {@code integrationKey}, {@code null} for helper types
 * @param properties the primitive properties, key included
 * @param navs       the navigation properties
 */
public record EntityModel(String name, String setName, @Nullable IntegrationObjectItem item, @Nullable ItemType type,
                          String keyName, @Nullable String keyAlias, List<PropertyModel> properties, List<NavModel> navs) {

    /** Whether this entity type is an IO item (as opposed to a helper type). */
    public boolean isItem() {
        return item != null;
    }

    /** The property called {@code name}, or {@code null}. */
    public @Nullable PropertyModel property(String propertyName) {
        for (PropertyModel p : properties) {
            if (p.name().equals(propertyName)) {
                return p;
            }
        }
        return null;
    }

    /** The navigation property called {@code name}, or {@code null}. */
    public @Nullable NavModel nav(String navName) {
        for (NavModel n : navs) {
            if (n.name().equals(navName)) {
                return n;
            }
        }
        return null;
    }
}
