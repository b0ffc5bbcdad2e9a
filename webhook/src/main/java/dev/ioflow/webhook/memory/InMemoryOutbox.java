package dev.ioflow.webhook.memory;

import dev.ioflow.webhook.OutboxFullException;
import dev.ioflow.webhook.WebhookService;
import dev.ioflow.webhook.spi.Outbox;
import dev.ioflow.webhook.spi.OutboxEntry;
import dev.ioflow.webhook.spi.PendingChange;
import dev.ioflow.webhook.spi.Settlement;

import dev.ioflow.webhook.internal.Coalescing;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The default {@link Outbox}: fast, thread-safe, and gone when the JVM stops (use the JDBC outbox when changes
 * must survive a restart). Honours the whole {@link Outbox} contract: coalescing of pending entries, per-key
 * order, leases that expire, dead letters and replay.
 *
 * <p>A replayed dead letter whose key meanwhile got a newer live change is dropped rather than queued: the newer
 * change carries the current state, and delivering the older payload after it would move the receiver back in
 * time. It still counts as replayed. Dead letters stay in memory until replayed.
 *
 * <p>The outbox is bounded: by default it holds {@value #DEFAULT_CAPACITY} live changes, and an append that finds
 * it full waits up to 10 s for deliveries to make room, then fails with {@link OutboxFullException}, queueing
 * nothing; {@link #bounded(int, Duration)} sets other limits.
 *
 * <pre>{@code
 * WebhookService webhooks = WebhookService.builder()
 *         .outbox(new InMemoryOutbox())
 *         ...
 * }</pre>
 *
 * @since 0.1
 */
public final class InMemoryOutbox implements Outbox {
    private static final Comparator<Slot> BY_DUE_TIME =
            Comparator.comparing((Slot s) -> s.entry.nextAttemptAt()).thenComparingLong(s -> s.entry.id());
    private static final Comparator<Slot> BY_LEASE =
            Comparator.comparing((Slot s) -> s.leaseUntil).thenComparingLong(s -> s.entry.id());

    /** The default bound on live changes. */
    public static final int DEFAULT_CAPACITY = 100_000;
    private static final Duration DEFAULT_APPEND_TIMEOUT = Duration.ofSeconds(10);

    private final Object lock = new Object();
    /** Live entries of each ordering key, oldest first; only the head may be claimed. */
    private final Map<String, ArrayDeque<Slot>> queues = new HashMap<>();
    private final TreeMap<Long, Slot> live = new TreeMap<>();
    /** Pending heads that were due at the last claim, in id order. */
    private final TreeMap<Long, Slot> due = new TreeMap<>();
    /** Pending heads not known to be due yet. */
    private final TreeSet<Slot> waiting = new TreeSet<>(BY_DUE_TIME);
    /** Claimed heads. */
    private final TreeSet<Slot> leased = new TreeSet<>(BY_LEASE);
    private final TreeMap<Long, OutboxEntry> dead = new TreeMap<>();
    private long nextId = 1;
    private long nextToken = 1;

    private final int capacity;
    private final Duration appendTimeout;

    /**
     * An empty outbox with the default bound: {@value #DEFAULT_CAPACITY} live changes, appends waiting up to 10 s
     * for room.
     */
    public InMemoryOutbox() {
        this(DEFAULT_CAPACITY, DEFAULT_APPEND_TIMEOUT);
    }

    private InMemoryOutbox(int capacity, Duration appendTimeout) {
        this.capacity = capacity;
        this.appendTimeout = appendTimeout;
    }

    /**
     * An empty outbox holding at most {@code capacity} live (pending, retrying or in-flight) changes. An append
     * that would exceed it blocks until deliveries make room, up to {@code appendTimeout}, then throws
     * {@link OutboxFullException} and queues nothing (backpressure: {@code saved} slows down to the delivery
     * rate instead of filling the heap). An append larger than the capacity waits for an empty outbox.
     * Coalescing appends count as new changes while waiting. Dead letters do not count.
     *
     * @throws IllegalArgumentException when the capacity is below 1 or the timeout negative
     * @since 1.0
     */
    public static InMemoryOutbox bounded(int capacity, Duration appendTimeout) {
        if (capacity < 1) {
            throw new IllegalArgumentException("outbox capacity must be at least 1, got " + capacity);
        }
        if (appendTimeout.isNegative()) {
            throw new IllegalArgumentException("append timeout must not be negative, got " + appendTimeout);
        }
        return new InMemoryOutbox(capacity, appendTimeout);
    }

    /** The most live changes held. */
    public int capacity() {
        return capacity;
    }

    /**
     * {@inheritDoc}
     *
     * @throws OutboxFullException when the outbox had no room for the entries within the append timeout
     */
    @Override
    public void append(List<OutboxEntry> entries) {
        synchronized (lock) {
            awaitRoom(entries.size());
            for (OutboxEntry entry : entries) {
                enqueue(entry.newBuilder().id(nextId++).claim(null, 0).build());
            }
        }
    }

    @Override
    public List<OutboxEntry> claim(int max, Instant now, Duration lease, String owner) {
        Objects.requireNonNull(owner, "owner");
        Instant leaseUntil = now.plus(lease);
        synchronized (lock) {
            long token = nextToken++;
            while (!leased.isEmpty() && !leased.first().leaseUntil.isAfter(now)) {
                Slot expired = leased.pollFirst();
                expired.release();
                due.put(expired.entry.id(), expired);
            }
            while (!waiting.isEmpty() && !waiting.first().entry.nextAttemptAt().isAfter(now)) {
                Slot ready = waiting.pollFirst();
                due.put(ready.entry.id(), ready);
            }
            List<OutboxEntry> claimed = new ArrayList<>(Math.min(max, due.size()));
            while (claimed.size() < max && !due.isEmpty()) {
                Slot slot = due.pollFirstEntry().getValue();
                slot.owner = owner;
                slot.token = token;
                slot.leaseUntil = leaseUntil;
                leased.add(slot);
                claimed.add(slot.entry.newBuilder().claim(owner, token).build());
            }
            return claimed;
        }
    }

    @Override
    public List<Settlement> settle(List<Settlement> settlements) {
        List<Settlement> refused = new ArrayList<>();
        synchronized (lock) {
            for (Settlement settlement : settlements) {
                Slot slot = claimedSlot(settlement.entry());
                if (slot == null) {
                    refused.add(settlement);
                } else if (settlement.kind() == Settlement.Kind.COMPLETED) {
                    removeLive(slot);
                } else if (settlement.kind() == Settlement.Kind.RESCHEDULED) {
                    unindex(slot);
                    slot.release();
                    slot.entry = slot.entry.newBuilder().attempts(settlement.attempts())
                            .nextAttemptAt(settlement.nextAttemptAt()).lastError(settlement.lastError()).build();
                    if (isHead(slot)) {
                        waiting.add(slot);
                    }
                } else {
                    removeLive(slot);
                    dead.put(slot.entry.id(), slot.entry.newBuilder().attempts(settlement.attempts())
                            .lastError(settlement.lastError()).build());
                }
            }
        }
        return refused;
    }

    @Override
    public List<OutboxEntry> renew(List<OutboxEntry> claimed, Instant leaseUntil) {
        List<OutboxEntry> held = new ArrayList<>(claimed.size());
        synchronized (lock) {
            for (OutboxEntry entry : claimed) {
                Slot slot = claimedSlot(entry);
                if (slot != null) {
                    leased.remove(slot);
                    slot.leaseUntil = leaseUntil;
                    leased.add(slot);
                    held.add(entry);
                }
            }
        }
        return held;
    }

    /** The live slot the entry's claim still holds, or null. */
    private @Nullable Slot claimedSlot(OutboxEntry entry) {
        Slot slot = live.get(entry.id());
        return slot != null && slot.owner != null && slot.owner.equals(entry.claimedBy())
                && slot.token == entry.claimToken() ? slot : null;
    }

    @Override
    public List<OutboxEntry> deadLetters(int limit) {
        synchronized (lock) {
            return dead.values().stream().limit(limit).toList();
        }
    }

    @Override
    public int replay(List<Long> ids, Instant now) {
        synchronized (lock) {
            List<Long> chosen = ids.isEmpty() ? new ArrayList<>(dead.keySet()) : ids.stream().sorted().toList();
            int replayed = 0;
            for (Long id : chosen) {
                OutboxEntry entry = dead.remove(id);
                if (entry == null) {
                    continue;
                }
                replayed++;
                ArrayDeque<Slot> queue = queues.get(entry.orderingKey());
                boolean superseded = queue != null && queue.peekLast().entry.id() > entry.id();
                if (!superseded) {
                    enqueue(entry.newBuilder().attempts(0).nextAttemptAt(now).build());
                }
            }
            return replayed;
        }
    }

    @Override
    public int resume(String destinationId, Instant now) {
        Objects.requireNonNull(destinationId, "destinationId");
        synchronized (lock) {
            int resumed = 0;
            for (Slot slot : live.values()) {
                OutboxEntry entry = slot.entry;
                if (slot.owner == null && entry.destinationId().equals(destinationId)
                        && entry.nextAttemptAt().isAfter(now)) {
                    boolean head = isHead(slot);
                    if (head) {
                        unindex(slot);
                    }
                    slot.entry = entry.newBuilder().attempts(0).nextAttemptAt(now).build();
                    if (head) {
                        waiting.add(slot);
                    }
                    resumed++;
                }
            }
            return resumed;
        }
    }

    @Override
    public @Nullable PendingChange newestLive(String webhookId, String destinationId, String integrationKey) {
        String key = OutboxEntry.orderingKey(webhookId, destinationId, integrationKey);
        synchronized (lock) {
            ArrayDeque<Slot> queue = queues.get(key);
            if (queue == null) {
                return null;
            }
            OutboxEntry newest = queue.peekLast().entry;
            return new PendingChange(newest.changeType(), newest.payloadHash());
        }
    }

    @Override
    public long liveCount() {
        synchronized (lock) {
            return live.size();
        }
    }

    @Override
    public @Nullable Instant oldestLiveCreatedAt() {
        synchronized (lock) {
            return live.isEmpty() ? null : live.firstEntry().getValue().entry.createdAt();
        }
    }

    /** Also reports when the earliest lease expires, so that a sleeping worker wakes to take abandoned work. */
    @Override
    public @Nullable Instant nextDueAt() {
        synchronized (lock) {
            Instant next = due.isEmpty() ? null : due.firstEntry().getValue().entry.nextAttemptAt();
            if (!waiting.isEmpty()) {
                next = earliest(next, waiting.first().entry.nextAttemptAt());
            }
            if (!leased.isEmpty()) {
                next = earliest(next, leased.first().leaseUntil);
            }
            return next;
        }
    }

    @Override
    public void close() {
        // nothing to release: the entries live in this object
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "InMemoryOutbox[live=" + live.size() + ", deadLetters=" + dead.size() + "]";
        }
    }

    /** Adds an entry that already has its id; replaces the key's pending tail unless that is a delete it must follow. */
    private void enqueue(OutboxEntry entry) {
        String key = entry.orderingKey();
        ArrayDeque<Slot> queue = queues.computeIfAbsent(key, k -> new ArrayDeque<>(2));
        Slot tail = queue.peekLast();
        if (tail != null && tail.owner == null && Coalescing.replaces(entry, tail.entry)) {
            queue.pollLast();
            live.remove(tail.entry.id());
            unindex(tail);
        }
        Slot slot = new Slot(entry, key);
        queue.addLast(slot);
        live.put(entry.id(), slot);
        if (queue.size() == 1) {
            waiting.add(slot);
        }
    }

    private void awaitRoom(int changes) {
        long deadline = System.nanoTime() + appendTimeout.toNanos();
        while (!live.isEmpty() && live.size() + changes > capacity) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new OutboxFullException(capacity, changes, appendTimeout);
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OutboxFullException(capacity, changes, Duration.ofNanos(appendTimeout.toNanos() - left));
            }
        }
    }

    private void removeLive(Slot slot) {
        live.remove(slot.entry.id());
        lock.notifyAll();
        unindex(slot);
        ArrayDeque<Slot> queue = queues.get(slot.key);
        queue.remove(slot);
        if (queue.isEmpty()) {
            queues.remove(slot.key);
        } else if (queue.peekFirst().owner == null) {
            waiting.add(queue.peekFirst());
        }
    }

    private void unindex(Slot slot) {
        if (slot.owner != null) {
            leased.remove(slot);
        } else if (due.remove(slot.entry.id()) == null) {
            waiting.remove(slot);
        }
    }

    private boolean isHead(Slot slot) {
        return queues.get(slot.key).peekFirst() == slot;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    /** One live entry and its claim, if any. Mutated only under the lock, and only while out of the sorted sets. */
    private static final class Slot {
        final String key;
        OutboxEntry entry;
        @Nullable String owner;
        long token;
        @Nullable Instant leaseUntil;

        Slot(OutboxEntry entry, String key) {
            this.entry = entry;
            this.key = key;
        }

        void release() {
            owner = null;
            token = 0;
            leaseUntil = null;
        }
    }
}
