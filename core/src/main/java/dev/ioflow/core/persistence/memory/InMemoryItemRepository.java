package dev.ioflow.core.persistence.memory;

import dev.ioflow.core.ItemType;
import dev.ioflow.core.persistence.ItemRepository;
import dev.ioflow.core.persistence.UnitOfWork;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * An {@link ItemRepository} in memory, for items of any type system. Thread-safe: each unit of work reads the
 * state committed when it began plus its own changes (snapshot isolation) and publishes its changes atomically on
 * commit; a unit of work that is rolled back or closed uncommitted leaves nothing behind. Concurrent units of
 * work that change the same item do not conflict: the last commit wins. Items are kept in insertion order.
 *
 * <p>Items are stored as they are, not copied. Mutable items (beans, maps) that a unit of work changes through
 * {@link UnitOfWork#update(ItemType, Object, Map)} change in place, so other units of work see the change before
 * it is committed; a rollback restores their previous values. Immutable items (records) are replaced on commit.
 *
 * <p>Each stored item has an identity of its own: a record replaced by its updated copy keeps it, so references
 * held by other items (the old instance) still match the stored item in lookups and filters.
 *
 * <p>Costs: {@link UnitOfWork#find find} is a hash lookup (an index per attribute looked up by, built on first use,
 * over the values held as text, numbers, booleans, enums, dates and UUIDs; lookups by other values scan); insert,
 * update and delete are constant time; a commit costs in proportion to what its unit of work changed, not to the
 * number of stored items. Queries and counts scan the items of their type. Units of work keep old versions of the
 * items changed after they began until they end, so close every unit of work. Other units of work find a mutable
 * item changed in place by its new values once that change is committed.
 *
 * <pre>{@code
 * InMemoryItemRepository repository = new InMemoryItemRepository();
 * repository.inTransaction(work -> { work.insert(customerType, customer); return null; });
 * repository.items(customerType);   // [customer]
 * }</pre>
 *
 * @since 1.0
 */
public final class InMemoryItemRepository implements ItemRepository {
    private final Object commitLock = new Object();
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, MemoryTable> tables = new ConcurrentHashMap<>();
    private final Map<StoredInstance, MemoryTable.Row> instances = new ConcurrentHashMap<>();
    /** Open units of work by snapshot: how many began at each. Guarded by the commit lock. */
    private final NavigableMap<Long, Integer> open = new TreeMap<>();
    /** Rows that kept older versions for open units of work, with the commit that wrote them. Guarded by the lock. */
    private final Deque<Pending> pending = new ArrayDeque<>();
    private volatile long committed;

    /** An empty repository. */
    public InMemoryItemRepository() {
    }

    @Override
    public UnitOfWork begin() {
        synchronized (commitLock) {
            long snapshot = committed;
            open.merge(snapshot, 1, Integer::sum);
            return new MemoryUnitOfWork(this, snapshot);
        }
    }

    /** The committed items of a type, in insertion order (each as last committed; commits may run meanwhile). */
    public List<Object> items(ItemType type) {
        MemoryTable table = tables.get(type.code());
        if (table == null) {
            return List.of();
        }
        List<Object> items = new ArrayList<>();
        for (MemoryTable.Row row : table.rows().values()) {
            Object item = row.at(Long.MAX_VALUE);
            if (item != null) {
                items.add(item);
            }
        }
        return List.copyOf(items);
    }

    long nextId() {
        return ids.incrementAndGet();
    }

    @Nullable MemoryTable table(String code) {
        return tables.get(code);
    }

    /** The row of a stored instance (current or replaced), or null for a value that is not one. */
    MemoryTable.@Nullable Row rowOf(Object instance) {
        return instances.get(new StoredInstance(instance));
    }

    /** The index of {@code attribute} of {@code table}, built now when it has none yet. */
    AttributeIndex index(MemoryTable table, String attribute) {
        AttributeIndex index = table.index(attribute);
        if (index != null) {
            return index;
        }
        synchronized (commitLock) {
            return table.buildIndex(attribute);
        }
    }

    /** Applies a unit of work's changes as the next commit, and ends the unit of work. */
    void commit(long snapshot, Map<String, MemoryUnitOfWork.Changes> changes) {
        synchronized (commitLock) {
            long seq = committed + 1;
            List<MemoryTable.Row> written = new ArrayList<>();
            changes.forEach((code, change) -> {
                MemoryTable table = tables.computeIfAbsent(code, c -> new MemoryTable(change.type()));
                change.written().forEach((id, item) -> {
                    MemoryTable.Row row = table.write(id, item, seq);
                    if (row != null) {
                        written.add(row);
                    }
                });
                change.ids().forEach((instance, id) -> {
                    MemoryTable.Row row = table.row(id);
                    if (row != null) {
                        row.instances().add(instance);
                        instances.put(new StoredInstance(instance), row);
                    }
                });
            });
            committed = seq;
            end(snapshot);
            long oldest = oldestSnapshot();
            for (MemoryTable.Row row : written) {
                if (!prune(row, oldest) && row.hasOlderVersions()) {
                    pending.addLast(new Pending(seq, row));
                }
            }
            while (!pending.isEmpty() && pending.peekFirst().seq() <= oldest) {
                prune(pending.pollFirst().row(), oldest); // later versions are pending for their own commits
            }
        }
    }

    /** Ends a unit of work that did not commit. */
    void release(long snapshot) {
        synchronized (commitLock) {
            end(snapshot);
        }
    }

    /** Drops the versions no open unit of work reads; returns whether the whole row is gone. */
    private boolean prune(MemoryTable.Row row, long oldest) {
        boolean gone = row.table().prune(row, oldest);
        if (gone) {
            row.instances().forEach(instance -> instances.remove(new StoredInstance(instance), row));
        }
        return gone;
    }

    private void end(long snapshot) {
        open.computeIfPresent(snapshot, (s, n) -> n == 1 ? null : n - 1);
    }

    private long oldestSnapshot() {
        return open.isEmpty() ? committed : Math.min(open.firstKey(), committed);
    }

    @Override
    public String toString() {
        return "InMemoryItemRepository" + tables.keySet();
    }

    /** A row that keeps versions older than the one commit {@code seq} wrote. */
    private record Pending(long seq, MemoryTable.Row row) {
    }

    /** A stored instance as a hash key: by identity. */
    private record StoredInstance(Object instance) {
        @Override
        public boolean equals(Object other) {
            return other instanceof StoredInstance s && s.instance == instance;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(instance);
        }
    }
}
