package dev.ioflow.webhook.internal;

import dev.ioflow.core.PayloadHash;
import dev.ioflow.core.PayloadRenderer;
import dev.ioflow.webhook.ChangeRejectedException;
import dev.ioflow.webhook.ChangeSource;
import dev.ioflow.webhook.ChangeType;
import dev.ioflow.webhook.SyncReport;
import dev.ioflow.webhook.spi.OutboxEntry;
import dev.ioflow.webhook.spi.SyncMemoryStore;
import dev.ioflow.webhook.spi.SyncedItem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An outbound sync run: every item of the source goes through delta detection for every webhook that wants its
 * saves. An unchanged item costs its integration key and payload hash (no payload bytes); a changed one is
 * rendered and queued as {@link ChangeType#CREATED} when the receiver has no record of it (nothing delivered, nothing
 * on its way) and {@link ChangeType#UPDATED} otherwise, for the webhooks whose event types want it. For webhooks
 * that synchronize deletes, the {@link SyncMemoryStore} learns, chunk by chunk, which items the run saw; once the
 * source is read to the end, the items it did not see are queued as DELETED with their last payload. Runs one at a
 * time.
 */
public final class SyncRunner {
    private static final Logger LOG = LoggerFactory.getLogger(SyncRunner.class);
    private static final int CHUNK = 512;
    private static final int MAX_REPORTED_REJECTIONS = 100;
    private final ChangeRecorder recorder;
    private final SyncMemoryStore memory;
    private final Clock clock;

    /** A runner feeding {@code recorder}, remembering what it saw in {@code memory}. */
    public SyncRunner(ChangeRecorder recorder, SyncMemoryStore memory, Clock clock) {
        this.recorder = recorder;
        this.memory = memory;
        this.clock = clock;
    }

    /** Runs a sync over the items (the stream is consumed and closed). */
    public synchronized SyncReport run(Stream<?> items) {
        long started = System.nanoTime();
        Run run = new Run(clock.instant());
        try (items) {
            items.forEachOrdered(run::item);
        } catch (RuntimeException e) {
            run.flush(); // what was found so far is queued; no deletes are inferred from a partial run
            throw e;
        }
        run.flush();
        long deleted = run.appendDeletes();
        SyncReport report = new SyncReport(run.seen, run.changed, run.seen - run.changed - run.rejected,
                run.rejected, deleted, Duration.ofNanos(System.nanoTime() - started), run.rejections);
        LOG.info("outbound sync: {}", report);
        return report;
    }

    private final class Run {
        final Instant now;
        final List<OutboxEntry> pending = new ArrayList<>();
        final List<ChangeRejectedException.Rejection> rejections = new ArrayList<>();
        /** What this run saw, per webhook that synchronizes deletes. */
        final Map<String, Seen> seenBy = new LinkedHashMap<>();
        /** Routes that rejected an item: the item may still exist, so no deletes are inferred for them. */
        final Set<String> incomplete = new HashSet<>();
        long seen;
        long changed;
        long rejected;
        int sinceFlush;

        Run(Instant now) {
            this.now = now;
            for (Route route : recorder.routes()) {
                if (route.synced()) {
                    seenBy.put(route.id(), new Seen(route, memory.beginRun(route.id())));
                }
            }
        }

        void item(Object item) {
            boolean anyChange = false;
            boolean anyRejection = false;
            for (Route route : recorder.routes()) {
                try {
                    // UPDATED and CREATED pass the same filter; which one the item is decides delta detection
                    ChangeType probe = route.config().wantsType(ChangeType.UPDATED) ? ChangeType.UPDATED
                            : ChangeType.CREATED;
                    if (route.config().wants(probe, item)) {
                        anyChange |= check(route, item);
                    }
                } catch (RuntimeException e) {
                    anyRejection = true;
                    incomplete.add(route.id());
                    if (rejections.size() < MAX_REPORTED_REJECTIONS) {
                        rejections.add(new ChangeRejectedException.Rejection((int) Math.min(seen, Integer.MAX_VALUE),
                                item, route.id(), e));
                    }
                }
            }
            seen++;
            if (anyRejection) {
                rejected++;
            } else if (anyChange) {
                changed++;
            }
            if (++sinceFlush >= CHUNK) {
                flush();
            }
        }

        private boolean check(Route route, Object item) {
            PayloadRenderer renderer = route.config().renderer();
            String key = renderer.integrationKey(item);
            PayloadHash hash = renderer.hash(item);
            ChangeType type = recorder.classify(route, key, hash);
            Seen memo = seenBy.get(route.id());
            if (type == null || !route.config().wantsType(type)) {
                if (memo != null) {
                    memo.unchanged.put(key, new Unchanged(hash, item));
                }
                return false;
            }
            byte[] json = renderer.renderJson(item);
            pending.add(recorder.entry(route, type, key, json, hash, now, ChangeSource.OUTBOUND_SYNC));
            if (memo != null) {
                memo.unchanged.remove(key);
                memo.changed.add(new SyncedItem(key, hash, json));
            }
            return true;
        }

        /** Queues the changes found so far, then tells the memory which items were seen. */
        void flush() {
            recorder.append(List.copyOf(pending));
            pending.clear();
            seenBy.values().forEach(Seen::flush);
            sinceFlush = 0;
        }

        long appendDeletes() {
            long deletes = 0;
            for (Seen memo : seenBy.values()) {
                Route route = memo.route;
                if (incomplete.contains(route.id())) {
                    LOG.warn("outbound sync: webhook {} could not render every item; no deletes inferred this run",
                            route.id());
                    continue;
                }
                List<SyncedItem> missing;
                while (!(missing = memory.missing(route.id(), memo.run, CHUNK)).isEmpty()) {
                    List<OutboxEntry> entries = new ArrayList<>(missing.size());
                    List<String> keys = new ArrayList<>(missing.size());
                    for (SyncedItem gone : missing) {
                        entries.add(recorder.entry(route, ChangeType.DELETED, gone.integrationKey(), gone.payload(),
                                gone.payloadHash(), now, ChangeSource.OUTBOUND_SYNC));
                        keys.add(gone.integrationKey());
                    }
                    recorder.append(entries);
                    // only now: a crash before this line sends these deletes again next run rather than never
                    memory.forget(route.id(), keys);
                    deletes += entries.size();
                }
            }
            return deletes;
        }

        /** One webhook's view of the current chunk. */
        private final class Seen {
            final Route route;
            final long run;
            final List<SyncedItem> changed = new ArrayList<>();
            final Map<String, Unchanged> unchanged = new LinkedHashMap<>();

            Seen(Route route, long run) {
                this.route = route;
                this.run = run;
            }

            /** Marks the unchanged items seen, rendering those the memory does not know, and stores the changed ones. */
            void flush() {
                if (!unchanged.isEmpty()) {
                    for (String unknown : memory.touch(route.id(), run, unchanged.keySet())) {
                        Unchanged item = unchanged.get(unknown);
                        try {
                            changed.add(new SyncedItem(unknown, item.hash,
                                    route.config().renderer().renderJson(item.item)));
                        } catch (RuntimeException e) {
                            incomplete.add(route.id());
                            LOG.warn("outbound sync: webhook {} could not render item {}: {}", route.id(), unknown,
                                    e.toString());
                        }
                    }
                    unchanged.clear();
                }
                memory.remember(route.id(), run, changed);
                changed.clear();
            }
        }
    }

    /** An item whose payload did not change: rendered only if the memory turns out not to know it. */
    private record Unchanged(PayloadHash hash, Object item) {
    }
}
