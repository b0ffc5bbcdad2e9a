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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A unit of work of {@link InMemoryItemRepository}: a snapshot of the committed tables plus its own changes. */
final class MemoryUnitOfWork implements UnitOfWork {
    private final InMemoryItemRepository repository;
    private final Map<String, MemoryTable> snapshot;
    private final Map<String, MemoryTable.Changes> changes = new LinkedHashMap<>();
    private final Map<String, ItemType> types = new HashMap<>();
    private final ItemMatcher matcher = new ItemMatcher(this);
    private final List<Runnable> undo = new ArrayList<>();
    private boolean ended;

    MemoryUnitOfWork(InMemoryItemRepository repository, Map<String, MemoryTable> snapshot) {
        this.repository = repository;
        this.snapshot = snapshot;
        snapshot.values().forEach(t -> types.put(t.type().code(), t.type()));
    }

    @Override
    public @Nullable Object find(ItemType type, Map<String, ? extends @Nullable Object> values) {
        open();
        List<AttributeDescriptor> attributes = new ArrayList<>();
        values.keySet().forEach(name -> attributes.add(attribute(type, name, name)));
        Object found = null;
        for (Object item : rows(type).values()) {
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

    @Override
    public void insert(ItemType type, Object item) {
        open();
        Objects.requireNonNull(item, "item");
        if (idOf(item) != null) {
            throw new IllegalArgumentException("item is already stored: " + item);
        }
        long id = repository.nextId();
        MemoryTable.Changes change = changes(type);
        change.ids().put(item, id);
        change.written().put(id, item);
    }

    @Override
    public void update(ItemType type, Object previous, Object updated) {
        open();
        Long id = idOf(previous);
        if (id == null || !rows(type).containsKey(id)) {
            throw new IllegalArgumentException("the item to update is not stored as a '" + type.code() + "': " + previous);
        }
        MemoryTable.Changes change = changes(type);
        change.ids().put(updated, id);
        change.written().put(id, updated);
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
        if (id != null && rows(type).containsKey(id)) {
            changes(type).written().put(id, null);
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
        repository.commit(changes);
    }

    @Override
    public void rollback() {
        ended = true;
        changes.clear();
        for (int i = undo.size() - 1; i >= 0; i--) {
            undo.get(i).run();
        }
        undo.clear();
    }

    @Override
    public void close() {
        if (!ended) {
            rollback();
        }
    }

    private List<Object> matching(ItemType type, @Nullable ItemFilter filter) {
        List<Object> items = new ArrayList<>();
        for (Object item : rows(type).values()) {
            if (filter == null || matcher.matches(type, item, filter)) {
                items.add(item);
            }
        }
        return items;
    }

    /** The items of a type as this unit of work sees them, by id in insertion order. */
    Map<Long, Object> rows(ItemType type) {
        MemoryTable table = snapshot.get(type.code());
        MemoryTable.Changes change = changes.get(type.code());
        if (change == null) {
            return table == null ? Map.of() : table.rows();
        }
        Map<Long, Object> rows = table == null ? new LinkedHashMap<>() : new LinkedHashMap<>(table.rows());
        change.written().forEach((id, item) -> {
            if (item == null) {
                rows.remove(id);
            } else {
                rows.put(id, item);
            }
        });
        return rows;
    }

    /** The id of a stored item (current or replaced instance), or null for a value that is not one. */
    @Nullable Long idOf(@Nullable Object value) {
        if (value == null || value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?>) {
            return null;
        }
        for (MemoryTable.Changes change : changes.values()) {
            Long id = change.ids().get(value);
            if (id != null) {
                return id;
            }
        }
        for (MemoryTable table : snapshot.values()) {
            Long id = table.ids().get(value);
            if (id != null) {
                return id;
            }
        }
        return null;
    }

    /** The type with this code, as seen in stored items; null when none is stored. */
    @Nullable ItemType type(String code) {
        return types.get(code);
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

    private MemoryTable.Changes changes(ItemType type) {
        types.putIfAbsent(type.code(), type);
        return changes.computeIfAbsent(type.code(), c -> new MemoryTable.Changes(type));
    }

    private void open() {
        if (ended) {
            throw new IllegalStateException("this unit of work has ended (committed or rolled back)");
        }
    }
}
