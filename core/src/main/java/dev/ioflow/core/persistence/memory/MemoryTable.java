package dev.ioflow.core.persistence.memory;

import dev.ioflow.core.ItemType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.jspecify.annotations.Nullable;

/**
 * The committed items of one type, multi-versioned: each row keeps the versions that open units of work may still
 * read, newest first, each stamped with the commit that wrote it; a unit of work reads the newest version not newer
 * than its snapshot. Rows are kept by id, which is insertion order. Written only under the repository's commit lock,
 * read concurrently; a commit changes only the rows it writes.
 */
final class MemoryTable {
    private final ItemType type;
    private final NavigableMap<Long, Row> rows = new ConcurrentSkipListMap<>();
    private final Map<String, AttributeIndex> indexes = new ConcurrentHashMap<>();

    MemoryTable(ItemType type) {
        this.type = type;
    }

    ItemType type() {
        return type;
    }

    /** Every row, by id. */
    NavigableMap<Long, Row> rows() {
        return rows;
    }

    @Nullable Row row(long id) {
        return rows.get(id);
    }

    /** The index of an attribute, or null when none has been built yet. */
    @Nullable AttributeIndex index(String attribute) {
        return indexes.get(attribute);
    }

    /** Builds the index of an attribute over every version of every row; under the commit lock. */
    AttributeIndex buildIndex(String attribute) {
        AttributeIndex existing = indexes.get(attribute);
        if (existing != null) {
            return existing;
        }
        AttributeIndex index = new AttributeIndex(MemoryUnitOfWork.attribute(type, attribute, attribute));
        rows.forEach((id, row) -> row.items().forEach(item -> index.add(id, item)));
        indexes.put(attribute, index);
        return index;
    }

    /** Writes a new version of row {@code id} (null item = deleted) in commit {@code seq}; under the commit lock. */
    @Nullable Row write(long id, @Nullable Object item, long seq) {
        Row row = rows.get(id);
        if (row == null) {
            if (item == null) {
                return null;
            }
            row = new Row(this, id);
            rows.put(id, row);
        }
        row.head = new Version(seq, item, row.head);
        if (item != null) {
            for (AttributeIndex index : indexes.values()) {
                index.add(id, item);
            }
        }
        return row;
    }

    /**
     * Drops the versions of a row that no unit of work at snapshot {@code oldest} or later can read, and the row
     * itself when it is deleted for all of them; under the commit lock.
     *
     * @return whether the row is gone
     */
    boolean prune(Row row, long oldest) {
        Version keep = row.head;
        while (keep != null && keep.seq > oldest && keep.older != null) {
            keep = keep.older;
        }
        if (keep != null) {
            keep.older = null;
        }
        boolean gone = row.head != null && row.head.item == null && row.head.seq <= oldest;
        if (gone) {
            rows.remove(row.id);
        }
        List<Object> items = gone ? List.of() : row.items();
        for (AttributeIndex index : indexes.values()) {
            index.retain(row.id, items);
        }
        return gone;
    }

    /** One stored item: its versions and every instance that ever stood for it. */
    static final class Row {
        private final MemoryTable table;
        private final long id;
        private volatile @Nullable Version head;
        private final List<Object> instances = new ArrayList<>();

        private Row(MemoryTable table, long id) {
            this.table = table;
            this.id = id;
        }

        MemoryTable table() {
            return table;
        }

        long id() {
            return id;
        }

        /** The instances that stand for this item (an updated record's old instances too); under the commit lock. */
        List<Object> instances() {
            return instances;
        }

        /** The item as a unit of work at snapshot {@code seq} sees it; null when absent or deleted. */
        @Nullable Object at(long seq) {
            Version v = head;
            while (v != null && v.seq > seq) {
                v = v.older;
            }
            return v == null ? null : v.item;
        }

        /** Whether more than one version is kept. */
        boolean hasOlderVersions() {
            Version v = head;
            return v != null && v.older != null;
        }

        private List<Object> items() {
            List<Object> items = new ArrayList<>(1);
            for (Version v = head; v != null; v = v.older) {
                if (v.item != null) {
                    items.add(v.item);
                }
            }
            return items;
        }
    }

    /** One version of a row: written by commit {@code seq}; a null item is a deletion. */
    private static final class Version {
        private final long seq;
        private final @Nullable Object item;
        private volatile @Nullable Version older;

        private Version(long seq, @Nullable Object item, @Nullable Version older) {
            this.seq = seq;
            this.item = item;
            this.older = older;
        }
    }
}
