package dev.ioflow.core.internal.render;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.Function;

/**
 * Gives the canonical form a stable element order for sets whose iteration order is an accident of hashing
 * (a {@code HashSet} of enums iterates differently from one JVM run to the next).
 */
final class UnorderedSets {
    private UnorderedSets() {
    }

    /**
     * {@code values} itself when its order is meaningful or stable (lists, sorted sets, enum sets), else its
     * non-null elements sorted by {@code text}.
     */
    static Collection<?> sorted(Collection<?> values, Function<Object, String> text) {
        if (!(values instanceof Set) || values instanceof SortedSet || values instanceof EnumSet || values.size() < 2) {
            return values;
        }
        List<Object> sorted = new ArrayList<>(values.size());
        values.stream().filter(Objects::nonNull).forEach(sorted::add);
        sorted.sort(Comparator.comparing(text));
        return sorted;
    }
}
