package dev.ioflow.core.persistence;

import dev.ioflow.core.ItemType;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One transaction over an {@link ItemRepository}: everything done through it becomes visible to other units of
 * work on {@link #commit()}, or disappears on {@link #rollback()} or {@link #close()} without commit. Not
 * thread-safe: one thread uses a unit of work at a time.
 *
 * <p>Items are the type system's own objects (records, beans, maps…), made by the type's
 * {@link dev.ioflow.core.ItemFactory}; the unit of work stores them and finds them again. Attribute values are
 * compared as the item holds them; a reference attribute holds an item, compared to the item found or created in
 * this unit of work ({@code equals}, or identity for classes that keep {@code Object.equals}).
 *
 * @since 1.0
 */
public interface UnitOfWork extends AutoCloseable {

    /**
     * The item of {@code type} whose attributes have these values (its unique attributes, usually), or null.
     *
     * @param values attribute name → value; an item for a reference attribute; null matches an absent value
     * @throws InvalidQueryException when several items match (the values are not unique) or an attribute is unknown
     */
    @Nullable Object find(ItemType type, Map<String, ? extends @Nullable Object> values);

    /** Stores a new item of {@code type} (made by its factory). */
    void insert(ItemType type, Object item);

    /**
     * Stores the new state of an item. {@code updated} is what the factory's
     * {@link dev.ioflow.core.ItemFactory#update(Object, Map) update} returned: {@code previous} itself for mutable
     * items, a new instance for immutable ones, which replaces {@code previous} from now on.
     *
     * @throws IllegalArgumentException when {@code previous} is not stored
     */
    void update(ItemType type, Object previous, Object updated);

    /**
     * Changes attributes of a stored item through its type's {@link dev.ioflow.core.ItemFactory} and stores the
     * result: the factory updates mutable items in place and makes new instances of immutable ones. This is how
     * {@link IntegrationObjectStore} updates items; the default calls the factory, then
     * {@link #update(ItemType, Object, Object)}. Repositories that share item instances between units of work
     * (in memory) override it to undo in-place changes on rollback.
     *
     * @param values converted values by attribute name
     * @return the updated item, which replaces {@code item}
     * @throws IllegalStateException when the type has no factory
     */
    default Object update(ItemType type, Object item, Map<String, ? extends @Nullable Object> values) {
        dev.ioflow.core.ItemFactory factory = type.factory();
        if (factory == null) {
            throw new IllegalStateException("item type '" + type.code() + "' is read-only: it has no ItemFactory");
        }
        Object updated = factory.update(item, values);
        update(type, item, updated);
        return updated;
    }

    /** Removes a stored item; removing an item that is not stored does nothing. */
    void delete(ItemType type, Object item);

    /**
     * The items of {@code type} that match the query, in its order, within its page.
     *
     * @throws InvalidQueryException naming the attribute path the repository cannot filter or order by
     */
    List<Object> query(ItemType type, ItemQuery query);

    /**
     * How many items of {@code type} match {@code filter} (all of them when null).
     *
     * @throws InvalidQueryException naming the attribute path the repository cannot filter by
     */
    long count(ItemType type, @Nullable ItemFilter filter);

    /**
     * The resource of this unit of work's transaction of the given type, for work that must commit or roll back
     * with it: a JDBC repository answers its {@code java.sql.Connection} (auto-commit off), a JPA one its
     * {@code EntityManager}. The inbound OData service asks for the {@code Connection} to write the changes it
     * hands to a webhook outbox on the same database in the same transaction as the items (the transactional
     * outbox pattern). The caller must not commit, roll back or close what it gets; it is valid until the unit of
     * work ends. The default, for stores that have no such resource (in memory), answers null.
     *
     * <pre>{@code
     * Connection connection = work.unwrap(Connection.class); // null: not a JDBC unit of work
     * }</pre>
     *
     * @param type the class of the resource, e.g. {@code java.sql.Connection.class}
     * @return the resource, or null when this unit of work has none of that type
     * @since 1.0
     */
    default <T> @Nullable T unwrap(Class<T> type) {
        return null;
    }

    /** Makes every change of this unit of work durable and visible; the unit of work ends. */
    void commit();

    /** Discards every change of this unit of work; the unit of work ends. */
    void rollback();

    /** Rolls back unless committed; does nothing after commit or rollback. */
    @Override
    void close();
}
