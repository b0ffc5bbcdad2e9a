package dev.ioflow.emarsys.internal;

import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.IntegrationObjectAttribute;
import dev.ioflow.core.IntegrationObjectItem;
import java.util.ArrayList;
import java.util.List;

/** Checks mapped payload attribute paths against an integration object, walking nested items. */
public final class MappingValidator {

    private MappingValidator() {
    }

    /** One message per path that the integration object does not render; empty when all exist. */
    public static List<String> problems(List<String> paths, IntegrationObject io) {
        List<String> problems = new ArrayList<>();
        IntegrationObjectItem root = io.rootItem();
        for (String path : paths) {
            String problem = problem(path, root, io);
            if (problem != null) {
                problems.add("mapped payload attribute '" + path + "' is not in integration object '" + io.code()
                        + "': " + problem);
            }
        }
        return problems;
    }

    private static String problem(String path, IntegrationObjectItem root, IntegrationObject io) {
        IntegrationObjectItem item = root;
        String[] segments = path.split("\\.");
        for (int i = 0; i < segments.length; i++) {
            IntegrationObjectAttribute attribute = item.attribute(segments[i]);
            if (attribute == null) {
                return "item '" + item.code() + "' has no attribute '" + segments[i] + "' (it has "
                        + item.attributes().stream().map(IntegrationObjectAttribute::name).toList() + ")";
            }
            if (i < segments.length - 1) {
                if (!attribute.isNested()) {
                    return "attribute '" + segments[i] + "' of item '" + item.code() + "' is not a nested item";
                }
                String returnItem = attribute.returnItem();
                IntegrationObjectItem next = returnItem == null ? null : io.item(returnItem);
                if (next == null) {
                    return "attribute '" + segments[i] + "' refers to item '" + attribute.returnItem()
                            + "', which the integration object does not declare";
                }
                item = next;
            }
        }
        return null;
    }
}
