package dev.ioflow.core.internal.validation;

import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.IntegrationObjectAttribute;
import dev.ioflow.core.IntegrationObjectItem;
import dev.ioflow.core.ItemType;
import dev.ioflow.core.TypeSystem;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An integration object under validation: its items by code (the first declaration wins) and the paths of
 * its parts, {@code ioCustomer}, {@code ioCustomer/items}, {@code ioCustomer/items/Customer} and
 * {@code ioCustomer/items/Customer/attributes/contactEmail}. A part with a blank code is named by its
 * position, e.g. {@code ioCustomer/items/[1]}.
 */
public final class DefinitionIndex {
    private final IntegrationObject io;
    private final Map<String, IntegrationObjectItem> itemsByCode = new LinkedHashMap<>();
    private final Set<IntegrationObjectAttribute> keys = Collections.newSetFromMap(new IdentityHashMap<>());

    /** Indexes the definition; key attributes are those it flags unique. */
    public DefinitionIndex(IntegrationObject io) {
        this(io, null);
    }

    /** Indexes the definition; key attributes follow {@link KeyRule} with the types of {@code types} (when not null). */
    public DefinitionIndex(IntegrationObject io, @Nullable TypeSystem types) {
        this.io = io;
        for (IntegrationObjectItem item : io.items()) {
            if (!item.code().isBlank()) {
                itemsByCode.putIfAbsent(item.code(), item);
            }
            ItemType type = types == null || item.type().isBlank() ? null : types.find(item.type());
            item.attributes().stream().filter(a -> KeyRule.isKey(a, type)).forEach(keys::add);
        }
    }

    /** Whether the attribute (compared by identity) is part of its item's integration key. */
    public boolean isKey(IntegrationObjectAttribute attribute) {
        return keys.contains(attribute);
    }

    /** The definition. */
    public IntegrationObject io() {
        return io;
    }

    /** The item declared (first) with this code. */
    public Optional<IntegrationObjectItem> item(String code) {
        return Optional.ofNullable(code == null ? null : itemsByCode.get(code));
    }

    /** The codes of the declared items, in declaration order, each once. */
    public List<String> itemCodes() {
        return List.copyOf(itemsByCode.keySet());
    }

    /** The path of the integration object itself. */
    public String root() {
        return io.code().isBlank() ? "integrationObject" : io.code();
    }

    /** The path of the item list. */
    public String items() {
        return root() + "/items";
    }

    /** The path of this item (of this integration object). */
    public String path(IntegrationObjectItem item) {
        return items() + "/" + segment(item.code(), indexOf(io.items(), item));
    }

    /** The path of this attribute of this item. */
    public String path(IntegrationObjectItem item, IntegrationObjectAttribute attribute) {
        return path(item) + "/attributes/" + segment(attribute.name(), indexOf(item.attributes(), attribute));
    }

    /** The item that declares this attribute (compared by identity). */
    IntegrationObjectItem owner(IntegrationObjectAttribute attribute) {
        return io.items().stream().filter(i -> indexOf(i.attributes(), attribute) >= 0).findFirst().orElseThrow();
    }

    /** Sorts parts in declaration order: the object, then each item followed by its attributes. */
    int position(Object part) {
        for (int i = 0; i < io.items().size(); i++) {
            IntegrationObjectItem item = io.items().get(i);
            if (item == part) {
                return (i + 1) * 100_000;
            }
            int attribute = indexOf(item.attributes(), part);
            if (attribute >= 0) {
                return (i + 1) * 100_000 + attribute + 1;
            }
        }
        return 0;
    }

    private static String segment(String code, int index) {
        return code.isBlank() ? "[" + index + "]" : code;
    }

    private static int indexOf(List<?> list, Object element) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == element) {
                return i;
            }
        }
        return -1;
    }
}
