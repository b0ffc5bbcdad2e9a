package dev.ioflow.webhook.spi;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import dev.ioflow.core.PayloadHash;
import org.jspecify.annotations.Nullable;

/**
 * Remembers the hash of the payload last <em>delivered</em> for each {@link MarkerKey}. A save whose payload hash
 * equals the marker sends nothing. In-memory by default; JDBC for markers that survive restarts.
 * Implementations are thread-safe.
 *
 * @since 0.1
 */
public interface VersionMarkerStore extends AutoCloseable {

    /** The hash last delivered for this key, or null when none was (or the key was removed). */
    @Nullable PayloadHash get(MarkerKey key);

    /**
     * The hashes last delivered for several keys (keys without a marker are absent). The default reads them one by
     * one; the JDBC store in one query.
     *
     * @since 1.0
     */
    default Map<MarkerKey, PayloadHash> getAll(Collection<MarkerKey> keys) {
        Map<MarkerKey, PayloadHash> found = new HashMap<>();
        for (MarkerKey key : keys) {
            PayloadHash hash = get(key);
            if (hash != null) {
                found.put(key, hash);
            }
        }
        return found;
    }

    /** Records a successful delivery of a payload with this hash. */
    void put(MarkerKey key, PayloadHash hash);

    /** Forgets the key (after a delete was delivered). */
    void remove(MarkerKey key);

    /**
     * Applies several changes at once (in one transaction where the store has them): a hash is put, null removes
     * the key. The default applies them one by one.
     *
     * @since 1.0
     */
    default void apply(Map<MarkerKey, @Nullable PayloadHash> changes) {
        changes.forEach((key, hash) -> {
            if (hash == null) {
                remove(key);
            } else {
                put(key, hash);
            }
        });
    }

    /** Releases resources; does not delete anything. */
    @Override
    void close();
}
