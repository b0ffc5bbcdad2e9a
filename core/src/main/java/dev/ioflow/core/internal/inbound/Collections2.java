package dev.ioflow.core.internal.inbound;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Collection and array values of attributes, seen as lists; equality as a unit of work compares values. */
final class Collections2 {
    private Collections2() {
    }

    /** A mutable list of a collection's or array's elements; a single value is a list of one. */
    static List<Object> list(Object value) {
        List<Object> list = new ArrayList<>();
        if (value instanceof Collection<?> c) {
            list.addAll(c);
        } else if (value.getClass().isArray()) {
            for (int i = 0, n = Array.getLength(value); i < n; i++) {
                list.add(Array.get(value, i));
            }
        } else {
            list.add(value);
        }
        return list;
    }

    /** Whether {@code list} holds {@code element}: the same instance, or an equal value. */
    static boolean containsSame(List<Object> list, @Nullable Object element) {
        for (Object o : list) {
            if (o == element || Objects.equals(o, element)) {
                return true;
            }
        }
        return false;
    }

    /** Whether two attribute values are the same (arrays by content). */
    static boolean sameValue(@Nullable Object a, @Nullable Object b) {
        return a == b || Objects.deepEquals(a, b);
    }
}
