package dev.ioflow.core.persistence.memory;

import dev.ioflow.core.AttributeDescriptor;
import dev.ioflow.core.ItemFactory;
import dev.ioflow.core.ItemType;
import dev.ioflow.core.persistence.InvalidQueryException;
import dev.ioflow.core.persistence.ItemFilter;
import dev.ioflow.core.persistence.ItemQuery;
import dev.ioflow.core.persistence.UnitOfWork;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A unit of work of {@link InMemoryItemRepository}: the committed items as of its snapshot plus its own changes.
 * Lookups go through the repository's attribute indexes and an index of its own changes, built on first use.
 */
final class MemoryUnitOfWork implements UnitOfWork {
    private final InMemoryItemRepository repository;
    private final long snapshot;
    private final Map<String, Changes> changes = new LinkedHashMap<>();
    private final ItemMatcher matcher = new ItemMatcher(this);
    private final List<Runnable> undo = new ArrayList<>();
    private boolean ended;

    /**
     * A unit of work's changes to one type: written items by id (null = deleted), ids of new instances, and the
     * indexes of the written items by attribute, built on first lookup.
     */
    record Changes(ItemType type, Map<Long, @Nullable Object> written, Map<Object, Long> ids,
                   Map<String, AttributeIndex> indexes) {
        Changes(ItemType type) {
            this(type, new LinkedHashMap<>(), new IdentityHashMap<>(), new HashMap<>());
        }

        void write(long id, @Nullable Object item) {
            written.put(id, item);
            if (item != null) {
                indexes.values().forEach(index -> index.add(id, item));
            }
        }

        AttributeIndex index(String attribute) {
            return indexes.computeIfAbsent(attribute, name -> {
                AttributeIndex index = new AttributeIndex(attribute(type, name, name));
                written.forEach((id, item) -> {
                    if (item != null) {
                        index.add(id, item);
                    }
                });
                return index;
            });
        }
    }

    MemoryUnitOfWork(InMemoryItemRepository repository, long snapshot) {
        this.repository = repository;
        this.snapshot = snapshot;
    }

    @Override
    public @Nullable Object find(ItemType type, Map<String, ? extends @Nullable Object> values) {
        open();
        List<AttributeDescriptor> attributes = new ArrayList<>();
        String indexed = null;
        Object key = null;
        for (Map.Entry<String, ? extends @Nullable Object> value : values.entrySet()) {
            attributes.add(attribute(type, value.getKey(), value.getKey()));
            Object k = IndexKey.of(value.getValue());
            if (k != null && (key == null || key == IndexKey.NULL)) { // an absent value is a poor index
                indexed = value.getKey();
                key = k;
            }
        }
        Object found = null;
        for (Object item : indexed == null ? rows(type) : candidates(type, indexed, key)) {
            boolean all = true;
            for (AttributeDescriptor attribute : attributes) {
                if (!matcher.same(attribute.accessor().read(item), values.get(attribute.name()))) {
                    all = false;
                    break;
                }
            }
            if (all) {
                if (found != null) {
                    throw new InvalidQueryException(InvalidQueryException.Reason.NOT_UNIQUE, "several items of type '"
                            + type.code() + "' have the values " + values);
                }
                found = item;
            }
        }
        return found;
    }

    /** The items this unit of work sees that may hold {@code key} as {@code attribute}'s value. */
    private List<Object> candidates(ItemType type, String attribute, Object key) {
        Set<Long> ids = new LinkedHashSet<>();
        MemoryTable table = repository.table(type.code());
        if (table != null) {
            repository.index(table, attribute).candidates(key, ids);
        }
        Changes change = changes.get(type.code());
        if (change != null) {
            change.index(attribute).candidates(key, ids);
        }
        List<Object> items = new ArrayList<>(ids.size());
        for (Long id : ids) {
            Object item = item(type, id);
            if (item != null) {
                items.add(item);
            }
        }
        return items;
    }

    @Override
    public void insert(ItemType type, Object item) {
        open();
        Objects.requireNonNull(item, "item");
        if (idOf(item) != null) {
            throw new IllegalArgumentException("item is already stored: " + item);
        }
        long id = repository.nextId();
        Changes change = changes(type);
        change.ids().put(item, id);
        change.write(id, item);
    }

    @Override
    public void update(ItemType type, Object previous, Object updated) {
        open();
        Long id = idOf(previous);
        if (id == null || item(type, id) == null) {
            throw new IllegalArgumentException("the item to update is not stored as a '" + type.code() + "': " + previous);
        }
        Changes change = changes(type);
        change.ids().put(updated, id);
        change.write(id, updated);
    }

    @Override
    public Object update(ItemType type, Object item, Map<String, ? extends @Nullable Object> values) {
        open();
        ItemFactory factory = type.factory();
        if (factory == null) {
            throw new IllegalStateException("item type '" + type.code() + "' is read-only: it has no ItemFactory");
        }
        Map<String, @Nullable Object> before = new LinkedHashMap<>();
        values.keySet().forEach(name -> before.put(name, attribute(type, name, name).accessor().read(item)));
        Object updated = factory.update(item, values);
        if (updated == item) {
            undo.add(() -> factory.update(item, before)); // changed in place: restored on rollback
        }
        update(type, item, updated);
        return updated;
    }

    @Override
    public void delete(ItemType type, Object item) {
        open();
        Long id = idOf(item);
        if (id != null && item(type, id) != null) {
            changes(type).write(id, null);
        }
    }

    @Override
    public List<Object> query(ItemType type, ItemQuery query) {
        open();
        List<Object> items = matching(type, query.filter());
        if (!query.orderBy().isEmpty()) {
            Comparator<Object> order = null;
            for (ItemQuery.Order key : query.orderBy()) {
                AttributeDescriptor attribute = attribute(type, key.path().first(), key.path().toString());
                if (key.path().isNested()) {
                    throw new InvalidQueryException(InvalidQueryException.Reason.ORDER_BY_NESTED, "cannot order by '" + key.path() + "'");
                }
                Comparator<Object> byKey = Comparator.comparing(attribute.accessor()::read, matcher::compareNullsFirst);
                byKey = key.descending() ? byKey.reversed() : byKey;
                order = order == null ? byKey : order.thenComparing(byKey);
            }
            items.sort(order);
        }
        int from = Math.min(query.skip(), items.size());
        int to = query.top() == null ? items.size() : (int) Math.min(items.size(), (long) from + query.top());
        return new ArrayList<>(items.subList(from, to));
    }

    @Override
    public long count(ItemType type, @Nullable ItemFilter filter) {
        open();
        return matching(type, filter).size();
    }

    @Override
    public void commit() {
        open();
        ended = true;
        repository.commit(snapshot, changes);
    }

    @Override
    public void rollback() {
        if (ended) {
            return;
        }
        ended = true;
        repository.release(snapshot);
        changes.clear();
        for (int i = undo.size() - 1; i >= 0; i--) {
            undo.get(i).run();
        }
        undo.clear();
    }

    @Override
    public void close() {
        rollback();
    }

    private List<Object> matching(ItemType type, @Nullable ItemFilter filter) {
        List<Object> items = new ArrayList<>();
        for (Object item : rows(type)) {
            if (filter == null || matcher.matches(type, item, filter)) {
                items.add(item);
            }
        }
        return items;
    }

    /** The items of a type as this unit of work sees them, in insertion order. */
    private List<Object> rows(ItemType type) {
        List<Object> items = new ArrayList<>();
        MemoryTable table = repository.table(type.code());
        Changes change = changes.get(type.code());
        if (table != null) {
            for (MemoryTable.Row row : table.rows().values()) {
                Object item = change != null && change.written().containsKey(row.id()) ? change.written().get(row.id())
                        : row.at(snapshot);
                if (item != null) {
                    items.add(item);
                }
            }
        }
        if (change != null) {
            change.written().forEach((id, item) -> {
                if (item != null && (table == null || table.row(id) == null)) {
                    items.add(item);
                }
            });
        }
        return items;
    }

    /** Item {@code id} of a type as this unit of work sees it; null when absent or deleted. */
    private @Nullable Object item(ItemType type, long id) {
        Changes change = changes.get(type.code());
        if (change != null && change.written().containsKey(id)) {
            return change.written().get(id);
        }
        MemoryTable table = repository.table(type.code());
        MemoryTable.Row row = table == null ? null : table.row(id);
        return row == null ? null : row.at(snapshot);
    }

    /** The id of a stored item (current or replaced instance), or null for a value that is not one. */
    @Nullable Long idOf(@Nullable Object value) {
        if (value == null || value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?>) {
            return null;
        }
        for (Changes change : changes.values()) {
            Long id = change.ids().get(value);
            if (id != null) {
                return id;
            }
        }
        MemoryTable.Row row = repository.rowOf(value);
        return row == null || row.at(snapshot) == null ? null : row.id();
    }

    /** The type with this code, as seen in stored items; null when none is stored. */
    @Nullable ItemType type(String code) {
        Changes change = changes.get(code);
        if (change != null) {
            return change.type();
        }
        MemoryTable table = repository.table(code);
        return table == null ? null : table.type();
    }

    /** The attribute of {@code type} named {@code name}, or an UNKNOWN_ATTRIBUTE failure naming {@code path}. */
    static AttributeDescriptor attribute(ItemType type, String name, String path) {
        for (AttributeDescriptor attribute : type.attributes()) {
            if (attribute.name().equals(name)) {
                return attribute;
            }
        }
        throw new InvalidQueryException(InvalidQueryException.Reason.UNKNOWN_ATTRIBUTE, "'" + path
                + "': type '" + type.code() + "' has no attribute '" + name + "'");
    }

    private Changes changes(ItemType type) {
        return changes.computeIfAbsent(type.code(), c -> new Changes(type));
    }

    private void open() {
        if (ended) {
            throw new IllegalStateException("this unit of work has ended (committed or rolled back)");
        }
    }
}
