package dev.ioflow.core.persistence.memory;

import dev.ioflow.core.AttributeDescriptor;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ids of the stored items of one type by the {@link IndexKey key} of one attribute's value, so that
 * {@link MemoryUnitOfWork#find} does not scan. It holds the keys of every version a unit of work may still read, so
 * it may name more items than match: lookups check each candidate. Items whose value has no key are candidates of
 * every lookup. Changed only under the repository's commit lock; read concurrently.
 */
final class AttributeIndex {
    private static final Object UNKEYED = new Object();

    private final AttributeDescriptor attribute;
    private final Map<Object, Set<Long>> idsByKey = new ConcurrentHashMap<>();
    private final Map<Long, Set<Object>> keysById = new ConcurrentHashMap<>();
    private final Set<Long> unkeyed = ConcurrentHashMap.newKeySet();

    AttributeIndex(AttributeDescriptor attribute) {
        this.attribute = attribute;
    }

    /** The key of {@code item}'s value of this attribute, or {@link #UNKEYED}. */
    Object keyOf(Object item) {
        Object key = IndexKey.of(attribute.accessor().read(item));
        return key == null ? UNKEYED : key;
    }

    /** Indexes a version of item {@code id}. */
    void add(long id, Object item) {
        Object key = keyOf(item);
        keysById.computeIfAbsent(id, i -> ConcurrentHashMap.newKeySet()).add(key);
        if (key == UNKEYED) {
            unkeyed.add(id);
        } else {
            idsByKey.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(id);
        }
    }

    /** Keeps only the keys of these versions of item {@code id} (none: forgets the item). */
    void retain(long id, Collection<Object> items) {
        Set<Object> kept = new HashSet<>();
        for (Object item : items) {
            kept.add(keyOf(item));
        }
        Set<Object> keys = keysById.get(id);
        if (keys == null) {
            return;
        }
        for (Object key : keys) {
            if (!kept.contains(key)) {
                keys.remove(key);
                if (key == UNKEYED) {
                    unkeyed.remove(id);
                } else {
                    idsByKey.computeIfPresent(key, (k, ids) -> ids.remove(id) && ids.isEmpty() ? null : ids);
                }
            }
        }
        if (keys.isEmpty()) {
            keysById.remove(id);
        }
    }

    /** Adds the ids of the items that may hold a value with this key to {@code into}. */
    void candidates(Object key, Collection<Long> into) {
        into.addAll(idsByKey.getOrDefault(key, Set.of()));
        into.addAll(unkeyed);
    }
}
