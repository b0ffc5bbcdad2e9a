package dev.ioflow.core.internal.validation;

import dev.ioflow.core.DefinitionProblem;
import dev.ioflow.core.IntegrationObjectAttribute;
import dev.ioflow.core.IntegrationObjectItem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The checks a definition needs no type system for: one root item, unique item codes and payload names,
 * every attribute read from somewhere, nested items declared, and a key (unique attribute) on every item.
 */
final class StructureChecks {

    private StructureChecks() {
    }

    static void check(DefinitionIndex index, Consumer<DefinitionProblem> problems) {
        List<IntegrationObjectItem> items = index.io().items();
        List<String> roots = items.stream().filter(IntegrationObjectItem::root).map(IntegrationObjectItem::code).toList();
        if (!items.isEmpty() && roots.isEmpty()) {
            problems.accept(new DefinitionProblem(index.items(), "no item is marked as root"));
        } else if (roots.size() > 1) {
            problems.accept(new DefinitionProblem(index.items(), "more than one item is marked as root: " + roots));
        }
        duplicates(items, IntegrationObjectItem::code).forEach((item, count) -> problems.accept(new DefinitionProblem(
                index.path(item), "item code '" + item.code() + "' is declared " + count + " times")));
        for (IntegrationObjectItem item : items) {
            checkItem(index, item, problems);
        }
    }

    private static void checkItem(DefinitionIndex index, IntegrationObjectItem item, Consumer<DefinitionProblem> problems) {
        duplicates(item.attributes(), IntegrationObjectAttribute::name).forEach((attribute, count) -> problems.accept(
                new DefinitionProblem(index.path(item, attribute), "attribute name '" + attribute.name() + "' is declared "
                        + count + " times in item '" + item.code() + "'")));
        for (IntegrationObjectAttribute attribute : item.attributes()) {
            String path = index.path(item, attribute);
            if (attribute.source() == null && !attribute.isVirtual() && !attribute.isClassification()) {
                problems.accept(new DefinitionProblem(path, "attribute '" + attribute.name()
                        + "' has neither a source attribute nor a logic location"));
            }
            if (attribute.isClassification() && (attribute.unique() || attribute.isVirtual())) {
                problems.accept(new DefinitionProblem(path, "classification attribute '" + attribute.name() + "' cannot be "
                        + (attribute.unique() ? "unique: a product feature is no part of an integration key" : "virtual")));
            }
            if (attribute.isNested() && index.item(attribute.returnItem()).isEmpty()) {
                problems.accept(new DefinitionProblem(path, "nested item '" + attribute.returnItem()
                        + "' is not declared in integration object '" + index.io().code() + "' (declared: "
                        + String.join(", ", index.itemCodes()) + ")"));
            }
        }
        if (item.attributes().stream().noneMatch(index::isKey)) {
            problems.accept(new DefinitionProblem(index.path(item), "item '" + item.code()
                    + "' has no unique attribute, so it has no integration key"));
        }
    }

    /** The first element of each non-blank key that occurs more than once, with the number of occurrences. */
    private static <T> Map<T, Integer> duplicates(List<T> elements, Function<T, String> key) {
        Map<String, T> first = new LinkedHashMap<>();
        Map<T, Integer> counts = new LinkedHashMap<>();
        for (T element : elements) {
            String k = key.apply(element);
            if (k.isBlank()) {
                continue;
            }
            T seen = first.putIfAbsent(k, element);
            if (seen != null) {
                counts.merge(seen, 2, (a, b) -> a + 1);
            }
        }
        return counts;
    }
}
