package dev.ioflow.webhook.internal;

import dev.ioflow.core.PayloadHash;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * For a webhook that synchronizes deletes: the last payload of every item a sync saw, and in which run it was
 * last seen, so that items missing from a later run can be sent as DELETED with their last payload. Costs about
 * the payload size plus some 100 bytes per item.
 */
public final class SyncMemory {
    private final ConcurrentHashMap<String, Last> byKey = new ConcurrentHashMap<>();

    /** What the memory knows of an item. */
    public static final class Last {
        final byte[] json;
        final PayloadHash hash;
        long run;

        Last(byte[] json, PayloadHash hash, long run) {
            this.json = json;
            this.hash = hash;
            this.run = run;
        }

        /** The last payload. */
        public byte[] json() {
            return json;
        }

        /** Its hash. */
        public PayloadHash hash() {
            return hash;
        }
    }

    /** Records the item's current payload as seen in {@code run}. */
    public void remember(String key, byte[] json, PayloadHash hash, long run) {
        byKey.put(key, new Last(json, hash, run));
    }

    /** Marks an unchanged item as seen in {@code run}; renders it (through {@code json}) only when unknown. */
    public void seen(String key, PayloadHash hash, long run, Supplier<byte[]> json) {
        Last last = byKey.get(key);
        if (last != null) {
            last.run = run;
        } else {
            remember(key, json.get(), hash, run);
        }
    }

    /** Forgets an item (it was deleted through the application). */
    public void forget(String key) {
        byKey.remove(key);
    }

    /** Removes and returns the items not seen in {@code run}. */
    public List<Map.Entry<String, Last>> takeMissing(long run) {
        List<Map.Entry<String, Last>> missing = new ArrayList<>();
        byKey.entrySet().removeIf(e -> {
            if (e.getValue().run != run) {
                missing.add(Map.entry(e.getKey(), e.getValue()));
                return true;
            }
            return false;
        });
        return missing;
    }

    /** The number of items remembered. */
    public int size() {
        return byKey.size();
    }
}
