package dev.ioflow.core.persistence.memory;

import dev.ioflow.core.ItemType;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The committed items of one type: current instance by id (insertion order), and the id of every instance ever
 * stored (an updated record's old instance keeps its id). Immutable once published.
 */
record MemoryTable(ItemType type, Map<Long, Object> rows, Map<Object, Long> ids) {

    /** A unit of work's changes to one type: written items by id (null = deleted), and ids of new instances. */
    record Changes(ItemType type, Map<Long, @Nullable Object> written, Map<Object, Long> ids) {
        Changes(ItemType type) {
            this(type, new LinkedHashMap<>(), new IdentityHashMap<>());
        }
    }

    /** A new table: {@code base} (may be null) with {@code changes} applied. */
    static MemoryTable applied(@Nullable MemoryTable base, Changes changes) {
        Map<Long, Object> rows = base == null ? new LinkedHashMap<>() : new LinkedHashMap<>(base.rows);
        Map<Object, Long> ids = base == null ? new IdentityHashMap<>() : new IdentityHashMap<>(base.ids);
        ids.putAll(changes.ids());
        changes.written().forEach((id, item) -> {
            if (item == null) {
                rows.remove(id);
                ids.values().removeIf(id::equals);
            } else {
                rows.put(id, item);
            }
        });
        return new MemoryTable(changes.type(), Collections.unmodifiableMap(rows), Collections.unmodifiableMap(ids));
    }
}
