package dev.ioflow.emarsys.internal;

import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.IntegrationObjectAttribute;
import dev.ioflow.core.IntegrationObjectItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
            Optional<IntegrationObjectAttribute> attribute = item.attribute(segments[i]);
            if (attribute.isEmpty()) {
                return "item '" + item.code() + "' has no attribute '" + segments[i] + "' (it has "
                        + item.attributes().stream().map(IntegrationObjectAttribute::name).toList() + ")";
            }
            if (i < segments.length - 1) {
                if (!attribute.get().isNested()) {
                    return "attribute '" + segments[i] + "' of item '" + item.code() + "' is not a nested item";
                }
                Optional<IntegrationObjectItem> next = io.item(attribute.get().returnItem());
                if (next.isEmpty()) {
                    return "attribute '" + segments[i] + "' refers to item '" + attribute.get().returnItem()
                            + "', which the integration object does not declare";
                }
                item = next.get();
            }
        }
        return null;
    }
}
