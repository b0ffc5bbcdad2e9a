package dev.ioflow.webhook.internal;

import dev.ioflow.core.PayloadHash;
import dev.ioflow.core.PayloadRenderer;
import dev.ioflow.webhook.ChangeRejectedException;
import dev.ioflow.webhook.ChangeSource;
import dev.ioflow.webhook.ChangeType;
import dev.ioflow.webhook.WebhookConfiguration;
import dev.ioflow.webhook.spi.ChangeContext;
import dev.ioflow.webhook.spi.MarkerKey;
import dev.ioflow.webhook.spi.Outbox;
import dev.ioflow.webhook.spi.OutboxEntry;
import dev.ioflow.webhook.spi.SyncMemoryStore;
import dev.ioflow.webhook.spi.TransactionalOutbox;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns application events into outbox entries: routes each item to the webhooks that want it (a child item to
 * its root items, each root once per call), renders it once per integration object (key and hash first, the JSON
 * only for a change), drops saves that change nothing, consolidates an update of a pending creation into the
 * creation, and appends the rest. A large batch goes in chunks of {@value #APPEND_CHUNK} items: the live changes and
 * markers their saves are compared with are read together (one query each with the JDBC stores), and their changes
 * appended together, each append waking the workers, so that delivery starts while the rest is being rendered.
 */
public final class ChangeRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeRecorder.class);
    static final int APPEND_CHUNK = 1000;
    private final List<Route> routes;
    private final Outbox outbox;
    private final DeltaDetector delta;
    private final Clock clock;
    private final Supplier<String> messageIds;
    private final BiConsumer<List<OutboxEntry>, Boolean> onAppend;
    private final SyncMemoryStore syncMemory;
    private final ChangeContext context;

    /**
     * A recorder appending to {@code outbox} and calling {@code onAppend} after every append with the entries and
     * whether they went into the caller's transaction (then before that commits: the callback decides when to act on
     * them). Deletes of
     * webhooks that synchronize deletes are forgotten in {@code syncMemory}; each change carries what
     * {@code context} captures when it is made.
     */
    public ChangeRecorder(List<Route> routes, Outbox outbox, DeltaDetector delta, Clock clock,
                          Supplier<String> messageIds, BiConsumer<List<OutboxEntry>, Boolean> onAppend,
                          SyncMemoryStore syncMemory, ChangeContext context) {
        this.syncMemory = syncMemory;
        this.context = context;
        this.routes = List.copyOf(routes);
        this.outbox = outbox;
        this.delta = delta;
        this.clock = clock;
        this.messageIds = messageIds;
        this.onAppend = onAppend;
    }

    /** The routes, in registration order. */
    public List<Route> routes() {
        return routes;
    }

    /**
     * Records the event for every item; returns the number of changes appended. When an append fails, the
     * exception propagates and the chunks appended before it stay queued.
     *
     * @throws ChangeRejectedException after appending the others, when some items could not be rendered
     */
    public int record(ChangeType type, List<?> items) {
        return record(type, items, null);
    }

    /**
     * Records the event as {@link #record(ChangeType, List)} does, into the caller's transaction on
     * {@code connection} when it is not null (the workers are then not woken: the caller's commit makes the
     * changes visible).
     */
    public int record(ChangeType type, List<?> items, @Nullable Connection connection) {
        Instant now = clock.instant();
        int appended = 0;
        List<ChangeRejectedException.Rejection> rejections = new ArrayList<>();
        Set<String> rootsQueued = new HashSet<>();
        Map<String, List<String>> forgotten = new HashMap<>();
        for (int from = 0; from < items.size(); from += APPEND_CHUNK) {
            List<Decision> decisions = new ArrayList<>();
            for (int i = from; i < Math.min(items.size(), from + APPEND_CHUNK); i++) {
                decide(type, i, items.get(i), decisions, rejections, rootsQueued, forgotten);
            }
            Map<String, DeltaDetector.Known> known = lookUp(decisions);
            List<OutboxEntry> entries = new ArrayList<>(decisions.size());
            for (Decision d : decisions) {
                try {
                    queue(d.route, d.type, d.rendering, now, entries, known.get(d.route.id()));
                } catch (RuntimeException e) {
                    rejections.add(new ChangeRejectedException.Rejection(d.index, d.item, d.route.id(), e));
                }
            }
            append(entries, connection);
            appended += entries.size();
        }
        // deleted through the application: a later sync must not send the delete again
        forgotten.forEach(syncMemory::forget);
        if (!rejections.isEmpty()) {
            throw new ChangeRejectedException(rejections, items.size());
        }
        return appended;
    }

    /** What each route wants of one item: its change, or updates of its roots. */
    private void decide(ChangeType type, int index, Object item, List<Decision> decisions,
                        List<ChangeRejectedException.Rejection> rejections, Set<String> rootsQueued,
                        Map<String, List<String>> forgotten) {
        Map<PayloadRenderer, Rendering> renderings = new IdentityHashMap<>(2);
        for (Route route : routes) {
            try {
                WebhookConfiguration config = route.config();
                if (config.wants(type, item)) {
                    Rendering r = renderings.computeIfAbsent(config.renderer(), x -> new Rendering(x, item));
                    if (type == ChangeType.DELETED && route.synced()) {
                        forgotten.computeIfAbsent(route.id(), id -> new ArrayList<>()).add(r.key);
                    }
                    decisions.add(new Decision(index, item, route, type, r));
                } else if (config.wantsType(ChangeType.UPDATED)) {
                    for (Object root : config.rootsOf(item)) {
                        if (config.filter().test(root)) {
                            queueRoot(index, item, route, root, decisions, rootsQueued);
                        }
                    }
                }
            } catch (RuntimeException e) {
                rejections.add(new ChangeRejectedException.Rejection(index, item, route.id(), e));
            }
        }
    }

    /** Reads, per route, the live changes and markers that the chunk's saves and updates are compared with. */
    private Map<String, DeltaDetector.Known> lookUp(List<Decision> decisions) {
        Map<String, List<MarkerKey>> keys = new HashMap<>();
        for (Decision d : decisions) {
            List<MarkerKey> ofRoute = keys.computeIfAbsent(d.route.id(), id -> new ArrayList<>());
            if (d.type != ChangeType.CREATED && d.type != ChangeType.DELETED) {
                ofRoute.add(markerKey(d.route, d.rendering.key));
            }
        }
        Map<String, DeltaDetector.Known> known = new HashMap<>();
        keys.forEach((routeId, ofRoute) -> known.put(routeId, delta.lookUp(routeId, ofRoute)));
        return known;
    }

    /** A child's change reached this root: an update of the root, once per call (grouping). */
    private void queueRoot(int index, Object item, Route route, Object root, List<Decision> decisions,
                           Set<String> rootsQueued) {
        PayloadRenderer renderer = route.config().renderer();
        String key = renderer.integrationKey(root);
        if (rootsQueued.add(route.id() + '\u0000' + key)) {
            decisions.add(new Decision(index, item, route, ChangeType.UPDATED, new Rendering(renderer, root, key)));
        }
    }

    /** A change an item causes for a route, before delta detection decides whether it is sent. */
    private record Decision(int index, Object item, Route route, ChangeType type, Rendering rendering) {
    }

    /**
     * Queues the change unless it changes nothing. Creations and deletes are always sent; a save or update is sent
     * when its payload differs from what is on its way or delivered, and stays a creation while one is pending.
     */
    private void queue(Route route, ChangeType type, Rendering r, Instant now, List<OutboxEntry> entries,
                       DeltaDetector.Known known) {
        MarkerKey markerKey = markerKey(route, r.key);
        if (type == ChangeType.CREATED || type == ChangeType.DELETED) {
            entries.add(entry(route, type, r.key, r.json(), r.hash, now));
            return;
        }
        if (!delta.isChanged(route.id(), markerKey, r.hash, known)) {
            LOG.debug("{} key {}: unchanged, nothing to send", route.id(), r.key);
            return;
        }
        ChangeType pending = delta.pendingType(route.id(), markerKey, known);
        ChangeType effective = pending == ChangeType.CREATED ? ChangeType.CREATED : type;
        entries.add(entry(route, effective, r.key, r.json(), r.hash, now));
    }

    /**
     * A new change for the route, which delta detection counts as queued from now on (so that a later item of the
     * same batch or sync run is compared with it); it must then be passed to {@link #append}.
     */
    public OutboxEntry entry(Route route, ChangeType type, String key, byte[] json, PayloadHash hash, Instant now) {
        return entry(route, type, key, json, hash, now, ChangeSource.WEBHOOK);
    }

    /** As {@link #entry(Route, ChangeType, String, byte[], PayloadHash, Instant)}, from the given source. */
    public OutboxEntry entry(Route route, ChangeType type, String key, byte[] json, PayloadHash hash, Instant now,
                             ChangeSource source) {
        delta.queued(route.id(), markerKey(route, key), type, hash);
        return OutboxEntry.builder().messageId(messageIds.get()).webhookId(route.id())
                .integrationObject(route.config().integrationObject()).destinationId(route.config().destinationId())
                .integrationKey(key).changeType(type).source(source).payload(json).payloadHash(hash).createdAt(now)
                .context(captured()).build();
    }

    /** The caller's context; a failing {@link ChangeContext} costs the change its context, never the change. */
    private Map<String, String> captured() {
        try {
            return ContextHeaders.copyOf(context.capture(), "ChangeContext " + context);
        } catch (RuntimeException e) {
            LOG.warn("change context {} failed, the change is recorded without it: {}", context, e.toString());
            return Map.of();
        }
    }

    /** Appends entries made by {@link #entry} (durable when the outbox is) and wakes the workers. */
    public void append(List<OutboxEntry> entries) {
        append(entries, null);
    }

    private void append(List<OutboxEntry> entries, @Nullable Connection connection) {
        if (entries.isEmpty()) {
            return;
        }
        try {
            if (connection == null) {
                outbox.append(entries);
            } else {
                transactional().append(entries, connection);
            }
        } finally {
            for (OutboxEntry entry : entries) {
                delta.appended(entry);
            }
        }
        LOG.debug("appended {} changes{}", entries.size(), connection == null ? "" : " in the caller's transaction");
        onAppend.accept(entries, connection != null);
    }

    private TransactionalOutbox transactional() {
        if (outbox instanceof TransactionalOutbox transactional) {
            return transactional;
        }
        throw new IllegalStateException("changes can only be written into the application's transaction with an "
                + "outbox in the same database (such as JdbcOutbox); this service uses " + outbox);
    }

    /** What a save of the payload with this hash is for the route (null: no change); see {@link DeltaDetector#classify}. */
    public @Nullable ChangeType classify(Route route, String key, PayloadHash hash) {
        return delta.classify(route.id(), markerKey(route, key), hash);
    }

    /** An item's key and hash for one integration object; the JSON is rendered only when needed, once. */
    private static final class Rendering {
        final PayloadRenderer renderer;
        final Object item;
        final String key;
        final PayloadHash hash;
        byte[] json;

        Rendering(PayloadRenderer renderer, Object item) {
            this(renderer, item, renderer.integrationKey(item));
        }

        Rendering(PayloadRenderer renderer, Object item, String key) {
            this.renderer = renderer;
            this.item = item;
            this.key = key;
            this.hash = renderer.hash(item);
        }

        byte[] json() {
            if (json == null) {
                json = renderer.renderJson(item);
            }
            return json;
        }
    }

    private static MarkerKey markerKey(Route route, String key) {
        return new MarkerKey(route.config().integrationObject(), route.config().destinationId(), key);
    }
}
