package dev.ioflow.webhook.internal;

import dev.ioflow.core.PayloadHash;
import dev.ioflow.core.PayloadRenderer;
import dev.ioflow.webhook.ChangeRejectedException;
import dev.ioflow.webhook.ChangeSource;
import dev.ioflow.webhook.ChangeType;
import dev.ioflow.webhook.spi.OutboxEntry;
import dev.ioflow.webhook.SyncReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An outbound sync run: every item of the source goes through delta detection for every webhook that wants its
 * saves. An unchanged item costs its integration key and payload hash (no payload bytes); a changed one is
 * rendered and queued. Runs one at a time.
 */
public final class SyncRunner {
    private static final Logger LOG = LoggerFactory.getLogger(SyncRunner.class);
    private static final int APPEND_CHUNK = 512;
    private static final int MAX_REPORTED_REJECTIONS = 100;
    private final ChangeRecorder recorder;
    private final Clock clock;
    private long runs;

    /** A runner feeding {@code recorder}. */
    public SyncRunner(ChangeRecorder recorder, Clock clock) {
        this.recorder = recorder;
        this.clock = clock;
    }

    /** Runs a sync over the items (the stream is consumed and closed). */
    public synchronized SyncReport run(Stream<?> items) {
        long started = System.nanoTime();
        Run run = new Run(++runs, clock.instant());
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
        final long number;
        final Instant now;
        final List<OutboxEntry> pending = new ArrayList<>();
        final List<ChangeRejectedException.Rejection> rejections = new ArrayList<>();
        /** Routes that rejected an item: the item may still exist, so no deletes are inferred for them. */
        final Set<String> incomplete = new HashSet<>();
        long seen;
        long changed;
        long rejected;

        Run(long number, Instant now) {
            this.number = number;
            this.now = now;
        }

        void item(Object item) {
            boolean anyChange = false;
            boolean anyRejection = false;
            for (Route route : recorder.routes()) {
                try {
                    if (route.config().wants(ChangeType.SAVED, item)) {
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
        }

        private boolean check(Route route, Object item) {
            PayloadRenderer renderer = route.config().renderer();
            String key = renderer.integrationKey(item);
            PayloadHash hash = renderer.hash(item);
            if (!recorder.isChanged(route, key, hash)) {
                if (route.synced() != null) {
                    route.synced().seen(key, hash, number, () -> renderer.renderJson(item));
                }
                return false;
            }
            byte[] json = renderer.renderJson(item);
            pending.add(recorder.entry(route, ChangeType.SAVED, key, json, hash, now, ChangeSource.OUTBOUND_SYNC));
            if (route.synced() != null) {
                route.synced().remember(key, json, hash, number);
            }
            if (pending.size() >= APPEND_CHUNK) {
                flush();
            }
            return true;
        }

        void flush() {
            recorder.append(List.copyOf(pending));
            pending.clear();
        }

        long appendDeletes() {
            long deletes = 0;
            for (Route route : recorder.routes()) {
                if (route.synced() == null) {
                    continue;
                }
                if (incomplete.contains(route.id())) {
                    LOG.warn("outbound sync: webhook {} could not render every item; no deletes inferred this run",
                            route.id());
                    continue;
                }
                for (Map.Entry<String, SyncMemory.Last> missing : route.synced().takeMissing(number)) {
                    pending.add(recorder.entry(route, ChangeType.DELETED, missing.getKey(), missing.getValue().json(),
                            missing.getValue().hash(), now, ChangeSource.OUTBOUND_SYNC));
                    deletes++;
                    if (pending.size() >= APPEND_CHUNK) {
                        flush();
                    }
                }
            }
            flush();
            return deletes;
        }
    }
}
