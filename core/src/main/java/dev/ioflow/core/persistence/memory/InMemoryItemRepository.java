package dev.ioflow.core.persistence.memory;

import dev.ioflow.core.ItemType;
import dev.ioflow.core.persistence.ItemRepository;
import dev.ioflow.core.persistence.UnitOfWork;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

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
    private volatile Map<String, MemoryTable> committed = Map.of();

    /** An empty repository. */
    public InMemoryItemRepository() {
    }

    @Override
    public UnitOfWork begin() {
        return new MemoryUnitOfWork(this, committed);
    }

    /** The committed items of a type, in insertion order. */
    public List<Object> items(ItemType type) {
        MemoryTable table = committed.get(type.code());
        return table == null ? List.of() : List.copyOf(table.rows().values());
    }

    long nextId() {
        return ids.incrementAndGet();
    }

    /** Applies a unit of work's changes to the latest committed state. */
    void commit(Map<String, MemoryTable.Changes> changes) {
        synchronized (commitLock) {
            Map<String, MemoryTable> next = new HashMap<>(committed);
            changes.forEach((code, change) -> next.put(code, MemoryTable.applied(next.get(code), change)));
            committed = Map.copyOf(next);
        }
    }

    @Override
    public String toString() {
        return "InMemoryItemRepository" + committed.keySet();
    }
}
