package dev.ioflow.webhook.memory;

import dev.ioflow.core.PayloadHash;
import dev.ioflow.webhook.spi.SyncMemoryStore;
import dev.ioflow.webhook.spi.SyncedItem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default {@link SyncMemoryStore}: thread-safe and gone when the JVM stops, so the first sync after a restart
 * cannot delete what disappeared before it (use the JDBC store for that). Costs about the payload size plus some
 * 100 bytes per item.
 *
 * @since 1.1
 */
public final class InMemorySyncMemoryStore implements SyncMemoryStore {
    private final Map<String, Memory> byWebhook = new ConcurrentHashMap<>();

    /** An empty store. */
    public InMemorySyncMemoryStore() {
        // nothing remembered yet
    }

    @Override
    public long beginRun(String webhookId) {
        Memory memory = memory(webhookId);
        synchronized (memory) {
            return ++memory.lastRun;
        }
    }

    @Override
    public Set<String> touch(String webhookId, long run, Collection<String> integrationKeys) {
        Memory memory = memory(webhookId);
        Set<String> unknown = new HashSet<>();
        for (String key : integrationKeys) {
            Last last = memory.items.get(key);
            if (last == null) {
                unknown.add(key);
            } else {
                last.run = run;
            }
        }
        return unknown;
    }

    @Override
    public void remember(String webhookId, long run, List<SyncedItem> items) {
        Memory memory = memory(webhookId);
        for (SyncedItem item : items) {
            memory.items.put(item.integrationKey(), new Last(item.payload(), item.payloadHash(), run));
        }
    }

    @Override
    public List<SyncedItem> missing(String webhookId, long run, int max) {
        List<SyncedItem> missing = new ArrayList<>();
        for (Map.Entry<String, Last> e : memory(webhookId).items.entrySet()) {
            if (missing.size() >= max) {
                break;
            }
            Last last = e.getValue();
            if (last.run < run) {
                missing.add(new SyncedItem(e.getKey(), last.hash, last.json));
            }
        }
        return missing;
    }

    @Override
    public void forget(String webhookId, Collection<String> integrationKeys) {
        Memory memory = byWebhook.get(webhookId);
        if (memory != null) {
            integrationKeys.forEach(memory.items::remove);
        }
    }

    @Override
    public String toString() {
        return "InMemorySyncMemoryStore" + byWebhook.keySet();
    }

    private Memory memory(String webhookId) {
        return byWebhook.computeIfAbsent(webhookId, id -> new Memory());
    }

    /** One webhook's items and its run counter. */
    private static final class Memory {
        final ConcurrentHashMap<String, Last> items = new ConcurrentHashMap<>();
        long lastRun;
    }

    /** What is known of an item; the payload array is never handed out (SyncedItem copies it). */
    private static final class Last {
        final byte[] json;
        final PayloadHash hash;
        volatile long run;

        Last(byte[] json, PayloadHash hash, long run) {
            this.json = json;
            this.hash = hash;
            this.run = run;
        }
    }
}
