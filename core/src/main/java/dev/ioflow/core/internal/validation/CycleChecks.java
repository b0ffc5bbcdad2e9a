package dev.ioflow.core.internal.validation;

import dev.ioflow.core.DefinitionProblem;
import dev.ioflow.core.IntegrationObjectAttribute;
import dev.ioflow.core.IntegrationObjectItem;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Cycles between items that no payload could end: unique references that lead back to the item they start
 * from (its integration key would contain itself), and cycles of {@code partOf} references (a contained item
 * is rendered in full, so the payload would never end). A cycle with a plain reference in it is fine: the
 * renderer writes an item it has already visited in reference form.
 */
final class CycleChecks {

    private CycleChecks() {
    }

    static void check(DefinitionIndex index, Consumer<DefinitionProblem> problems) {
        report(index, index::isKey, problems,
                "unique references form a cycle %s, so the integration key would be infinite");
        report(index, IntegrationObjectAttribute::partOf, problems,
                "partOf references form a cycle %s with no plain reference to break it, so the payload would never end");
    }

    private static void report(DefinitionIndex index, Predicate<IntegrationObjectAttribute> edge,
                               Consumer<DefinitionProblem> problems, String message) {
        Map<String, List<String>> graph = graph(index, edge);
        Set<String> reported = new HashSet<>();
        for (String start : index.itemCodes()) {
            if (reported.contains(start)) {
                continue;
            }
            List<String> cycle = cycleThrough(start, graph);
            if (!cycle.isEmpty()) {
                reported.addAll(cycle);
                IntegrationObjectItem item = index.item(start).orElseThrow();
                problems.accept(new DefinitionProblem(index.path(item), message.formatted(String.join(" -> ", cycle))));
            }
        }
    }

    private static Map<String, List<String>> graph(DefinitionIndex index, Predicate<IntegrationObjectAttribute> edge) {
        Map<String, List<String>> graph = new HashMap<>();
        for (String code : index.itemCodes()) {
            List<String> targets = new ArrayList<>();
            for (IntegrationObjectAttribute attribute : index.item(code).orElseThrow().attributes()) {
                if (edge.test(attribute) && attribute.isNested() && index.item(attribute.returnItem()).isPresent()) {
                    targets.add(attribute.returnItem());
                }
            }
            graph.put(code, targets);
        }
        return graph;
    }

    /** The shortest path from {@code start} back to itself, e.g. [A, B, A]; empty when there is none. */
    private static List<String> cycleThrough(String start, Map<String, List<String>> graph) {
        Map<String, String> cameFrom = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(start);
        while (!queue.isEmpty()) {
            String node = queue.poll();
            for (String next : graph.get(node)) {
                if (next.equals(start)) {
                    Deque<String> path = new ArrayDeque<>(List.of(start));
                    for (String n = node; n != null; n = cameFrom.get(n)) {
                        path.addFirst(n);
                    }
                    return List.copyOf(path);
                }
                if (cameFrom.putIfAbsent(next, node) == null) {
                    queue.add(next);
                }
            }
        }
        return List.of();
    }
}
