package dev.ioflow.cli;

import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.IntegrationObjectAttribute;
import dev.ioflow.core.VirtualAttributeFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stand-ins for virtual attribute functions when rendering from the command line: the CLI cannot run SAP's
 * scripts, so the item file gives each virtual attribute's value under its payload name.
 */
final class VirtualValues {
    private VirtualValues() {
    }

    /** A function per logic location of the definition, reading the item map's value under the attribute's name. */
    static Map<String, VirtualAttributeFunction> of(IntegrationObject io) {
        Map<String, List<String>> namesByLocation = new LinkedHashMap<>();
        io.items().forEach(item -> item.attributes().stream().filter(IntegrationObjectAttribute::isVirtual)
                .forEach(a -> namesByLocation.computeIfAbsent(a.logicLocation(), l -> new ArrayList<>()).add(a.name())));
        Map<String, VirtualAttributeFunction> functions = new LinkedHashMap<>();
        namesByLocation.forEach((location, names) -> functions.put(location, item -> read(item, names)));
        return functions;
    }

    private static Object read(Object item, List<String> names) {
        if (item instanceof Map<?, ?> map) {
            for (String name : names) {
                Object value = map.get(name);
                if (value != null) {
                    return value;
                }
            }
        }
        return null;
    }
}
