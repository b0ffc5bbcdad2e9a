package dev.ioflow.webhook;

import dev.ioflow.webhook.jdbc.JdbcDestinationHealthStore;
import dev.ioflow.webhook.jdbc.JdbcOutbox;
import dev.ioflow.webhook.jdbc.JdbcSyncMemoryStore;
import dev.ioflow.webhook.memory.InMemoryDestinationHealthStore;
import dev.ioflow.webhook.memory.InMemoryOutbox;
import dev.ioflow.webhook.memory.InMemorySyncMemoryStore;
import dev.ioflow.webhook.memory.InMemoryVersionMarkerStore;
import dev.ioflow.webhook.spi.DeliveryTarget;
import dev.ioflow.webhook.spi.ChangeContext;
import dev.ioflow.webhook.spi.DeliveryInterceptor;
import dev.ioflow.webhook.spi.DestinationHealthStore;
import dev.ioflow.webhook.spi.Outbox;
import dev.ioflow.webhook.spi.OutboxEntry;
import dev.ioflow.webhook.spi.SyncMemoryStore;
import dev.ioflow.webhook.spi.VersionMarkerStore;

import dev.ioflow.destinations.DestinationClient;
import dev.ioflow.webhook.internal.ChangeRecorder;
import dev.ioflow.webhook.internal.CompositeListener;
import dev.ioflow.webhook.internal.DeliveryWorker;
import dev.ioflow.webhook.internal.DeltaDetector;
import dev.ioflow.webhook.internal.DestinationHealthTracker;
import dev.ioflow.webhook.internal.Route;
import dev.ioflow.webhook.internal.SyncRunner;
import dev.ioflow.webhook.internal.WorkerPool;
import dev.ioflow.webhook.internal.WorkerThreads;
import dev.ioflow.webhook.spi.TransactionBinding;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends integration-object payloads when the application saves or deletes items (webhooks) and when it runs an
 * outbound sync over an item source, reliably: a change is in the outbox when {@code saved} returns (durable with
 * the JDBC outbox), unchanged payloads send nothing, pending saves of a key coalesce, each key's changes arrive in
 * order, failures are retried with backoff and end as replayable dead letters, and every attempt is monitored.
 *
 * <pre>{@code
 * try (WebhookService webhooks = WebhookService.builder()
 *         .destinations(destinationClient)
 *         .webhook(WebhookConfiguration.builder(PayloadRenderer.of(ioCustomer, types), "crm")
 *                 .eventTypes(ChangeType.SAVED, ChangeType.DELETED)
 *                 .build())
 *         .threads(4)
 *         .build()) {
 *     webhooks.start();
 *     webhooks.saved(customer);      // returns once the change is in the outbox
 *     webhooks.deleted(oldCustomer); // the payload is rendered now and travels with the change
 *     SyncReport report = webhooks.sync(customerRepository.streamAll());
 * }
 * }</pre>
 *
 * <p>A destination that keeps failing is disabled as the {@link DestinationHealthPolicy} says (after 5 days of
 * failures by default): its changes are parked in the outbox instead of being attempted and dead-lettered,
 * {@link #health()} and the {@link WebhookEventListener} report it, and {@link #enableDestination} replays what waited.
 * With a {@link JdbcOutbox}, that state and the memory of outbound syncs live in the outbox's database.
 *
 * <p>Thread-safe. Without {@link #start()} nothing is delivered in the background; {@link #deliverDue()} then
 * delivers on the calling thread (handy in tests with a fixed clock).
 *
 * @since 0.1
 */
public final class WebhookService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookService.class);
    private final ChangeRecorder recorder;
    private final SyncRunner syncRunner;
    private final DeliveryWorker worker;
    private final DeltaDetector delta;
    private final WorkerPool pool;
    private final Outbox outbox;
    private final VersionMarkerStore markers;
    private final OutboundMonitor monitor;
    private final CompositeListener listener;
    private final DestinationHealthTracker destinations;
    private final Clock clock;
    private final Duration drainTimeout;
    private final Runnable shutdownOwned;
    private final @Nullable TransactionBinding transactionBinding;
    private volatile boolean closed;

    private WebhookService(Builder b) {
        this.clock = b.clock;
        this.outbox = b.outbox != null ? b.outbox : new InMemoryOutbox();
        this.markers = b.markers != null ? b.markers : new InMemoryVersionMarkerStore();
        this.monitor = b.monitor != null ? b.monitor : OutboundMonitor.builder().clock(b.clock).build();
        this.drainTimeout = b.drainTimeout;
        this.transactionBinding = b.transactionBinding;
        List<Route> routes = b.routes(this.clock);
        this.delta = new DeltaDetector(markers, outbox);
        this.listener = new CompositeListener(b.listener);
        SyncMemoryStore syncMemory = b.syncMemory != null ? b.syncMemory
                : outbox instanceof JdbcOutbox jdbc ? JdbcSyncMemoryStore.of(jdbc) : new InMemorySyncMemoryStore();
        this.recorder = new ChangeRecorder(routes, outbox, delta, clock, b.messageIds, this::appended, syncMemory,
                b.changeContext);
        this.syncRunner = new SyncRunner(recorder, syncMemory, clock);
        DestinationHealthStore healthStore = b.healthStore != null ? b.healthStore
                : outbox instanceof JdbcOutbox jdbc ? JdbcDestinationHealthStore.of(jdbc)
                : new InMemoryDestinationHealthStore();
        this.destinations = new DestinationHealthTracker(healthPolicy(b.healthPolicy, outbox), healthStore, outbox,
                listener, clock);
        int claimSize = b.claimSize > 0 ? b.claimSize : routes.stream().mapToInt(Route::batchSize).max().orElse(1);
        Map<String, Route> byId = new LinkedHashMap<>();
        routes.forEach(r -> byId.put(r.id(), r));
        this.worker = new DeliveryWorker(outbox, byId, delta, b.retryPolicy, monitor, clock, b.owner, b.lease,
                claimSize, listener, destinations, b.interceptors);
        ExecutorService executor = b.executor != null ? b.executor : Executors.newFixedThreadPool(b.threads,
                new WorkerThreads());
        this.pool = new WorkerPool(worker, outbox, clock, b.threads, b.pollInterval, executor, listener);
        boolean ownsOutbox = b.outbox == null;
        boolean ownsMarkers = b.markers == null;
        boolean ownsExecutor = b.executor == null;
        this.shutdownOwned = () -> {
            if (ownsExecutor) {
                executor.shutdownNow();
            }
            if (ownsOutbox) {
                outbox.close();
            }
            if (ownsMarkers) {
                markers.close();
            }
        };
    }

    /** Starts configuring a service. */
    public static Builder builder() {
        return new Builder();
    }

    /** The policy, unless the outbox cannot resume parked changes: then destinations are never disabled. */
    private static DestinationHealthPolicy healthPolicy(DestinationHealthPolicy policy, Outbox outbox) {
        if (!policy.disables()) {
            return policy;
        }
        try {
            if (outbox.getClass().getMethod("resume", String.class, Instant.class).getDeclaringClass()
                    == Outbox.class) {
                LOG.warn("outbox {} cannot resume parked changes (Outbox.resume): failing destinations are never "
                        + "disabled", outbox);
                return DestinationHealthPolicy.never();
            }
        } catch (NoSuchMethodException e) {
            throw new AssertionError("Outbox.resume exists", e);
        }
        return policy;
    }

    /** Starts the background delivery workers. */
    public void start() {
        requireOpen();
        pool.start();
        LOG.info("webhook service started: {}", recorder.routes().stream().map(r -> r.id()).toList());
    }

    /**
     * Records that the item was created or updated (the application does not say which; see {@link #created} and
     * {@link #updated}). Each webhook whose integration object's root type matches, and whose filter accepts the
     * item, gets a change unless the payload equals the last one on its way or delivered. A child item (one a
     * webhook's {@link RootResolver}s lead to root items) queues an update of each of its roots instead.
     *
     * @return the number of changes queued (0 when nothing changed or no webhook wants the item)
     * @throws dev.ioflow.core.ItemRenderException when the item cannot be rendered (nothing is queued for it)
     * @throws OutboxFullException when a bounded outbox (the in-memory default holds 100,000 live changes) stayed
     *                             full for its append timeout (nothing is queued)
     */
    public int saved(Object item) {
        return single(ChangeType.SAVED, item);
    }

    /**
     * Records saves of several items. Large collections are appended to the outbox in chunks (1,000 items
     * each) and every chunk wakes the workers, so delivery starts while the rest is still being rendered. If the
     * outbox fails, its exception propagates and the chunks appended before stay queued.
     *
     * @return the number of changes queued
     * @throws ChangeRejectedException listing the items that could not be rendered; all others were queued
     */
    public int saved(Collection<?> items) {
        requireOpen();
        return recordBound(ChangeType.SAVED, List.copyOf(items));
    }

    /**
     * Records that the item was created or updated, as {@link #saved(Object)} does, inside the application's own
     * transaction on {@code connection}: the change is committed or rolled back with the application's write.
     * Needs an outbox in that database (a {@link dev.ioflow.webhook.spi.TransactionalOutbox} such as
     * {@link dev.ioflow.webhook.jdbc.JdbcOutbox}); the connection must not be in auto-commit mode. Call
     * {@link #changesCommitted()} after the commit to have the workers deliver the change at once; otherwise they
     * find it at their next poll (within the poll interval). The change's key stays locked in the outbox until the
     * transaction ends.
     *
     * @return the number of changes queued in the transaction
     * @since 1.0
     */
    public int saved(Object item, Connection connection) {
        return single(ChangeType.SAVED, item, Objects.requireNonNull(connection, "connection"));
    }

    /**
     * Records saves of several items inside the application's transaction on {@code connection}, as
     * {@link #saved(Object, Connection)} does.
     *
     * @since 1.0
     */
    public int saved(Collection<?> items, Connection connection) {
        requireOpen();
        return recorder.record(ChangeType.SAVED, List.copyOf(items), Objects.requireNonNull(connection, "connection"));
    }

    /**
     * Records that the item was deleted inside the application's transaction on {@code connection}, as
     * {@link #saved(Object, Connection)} does for saves.
     *
     * @since 1.0
     */
    public int deleted(Object item, Connection connection) {
        return single(ChangeType.DELETED, item, Objects.requireNonNull(connection, "connection"));
    }

    /**
     * Records deletes of several items inside the application's transaction on {@code connection}.
     *
     * @since 1.0
     */
    public int deleted(Collection<?> items, Connection connection) {
        requireOpen();
        return recorder.record(ChangeType.DELETED, List.copyOf(items),
                Objects.requireNonNull(connection, "connection"));
    }

    /**
     * Records that the item is new (SAP's {@code ItemCreated}): sent to webhooks for {@link ChangeType#CREATED} or
     * {@link ChangeType#SAVED} with CloudEvents type {@code Created}, always (no delta check: the receiver cannot
     * have it). Children lead to their roots as {@link #saved} does, as an update of the root.
     *
     * @return the number of changes queued
     * @throws dev.ioflow.core.ItemRenderException when the item cannot be rendered
     * @since 1.0
     */
    public int created(Object item) {
        return single(ChangeType.CREATED, item);
    }

    /**
     * Records creations of several items, as {@link #saved(Collection)} records saves.
     *
     * @return the number of changes queued
     * @throws ChangeRejectedException listing the items that could not be rendered; all others were queued
     * @since 1.0
     */
    public int created(Collection<?> items) {
        requireOpen();
        return recorder.record(ChangeType.CREATED, List.copyOf(items));
    }

    /**
     * Records that an existing item changed (SAP's {@code ItemUpdated}): sent to webhooks for
     * {@link ChangeType#UPDATED} or {@link ChangeType#SAVED} unless the payload equals the last one on its way or
     * delivered; while a creation of the item is still pending it stays a creation.
     *
     * @return the number of changes queued
     * @throws dev.ioflow.core.ItemRenderException when the item cannot be rendered
     * @since 1.0
     */
    public int updated(Object item) {
        return single(ChangeType.UPDATED, item);
    }

    /**
     * Records updates of several items, as {@link #saved(Collection)} records saves.
     *
     * @return the number of changes queued
     * @throws ChangeRejectedException listing the items that could not be rendered; all others were queued
     * @since 1.0
     */
    public int updated(Collection<?> items) {
        requireOpen();
        return recorder.record(ChangeType.UPDATED, List.copyOf(items));
    }

    /**
     * Records that the item was deleted. The item is rendered now and its payload stored with the change, so the
     * delete is delivered even if the item is gone by then.
     *
     * @return the number of changes queued
     * @throws dev.ioflow.core.ItemRenderException when the item cannot be rendered
     */
    public int deleted(Object item) {
        return single(ChangeType.DELETED, item);
    }

    /**
     * Records deletes of several items. Large collections are appended to the outbox in chunks (1,000 items
     * each) and every chunk wakes the workers, so delivery starts while the rest is still being rendered. If the
     * outbox fails, its exception propagates and the chunks appended before stay queued.
     *
     * @return the number of changes queued
     * @throws ChangeRejectedException listing the items that could not be rendered; all others were queued
     */
    public int deleted(Collection<?> items) {
        requireOpen();
        return recordBound(ChangeType.DELETED, List.copyOf(items));
    }

    /**
     * Runs an outbound sync over the items (consumed and closed): each item a webhook wants costs its integration
     * key and payload hash; only changed items are rendered and queued: as {@link ChangeType#CREATED} when the
     * receiver has no record of the item (nothing delivered and nothing on its way for its key, as the version
     * markers and the outbox know; with in-memory markers, every item after a restart), else as
     * {@link ChangeType#UPDATED}, to the webhooks whose event types cover that type ({@link ChangeType#SAVED} covers
     * both). Webhooks that synchronize deletes queue a DELETED change for items a previous run saw and this one did
     * not (only when the stream was read to the end and every item could be rendered for that webhook); with a
     * durable {@link dev.ioflow.webhook.spi.SyncMemoryStore} (the default with a {@link JdbcOutbox}) also for runs
     * before a restart. Items that cannot be rendered are counted and reported, not thrown. Runs are serialized;
     * with several application instances, run syncs on one of them.
     */
    public SyncReport sync(Stream<?> items) {
        requireOpen();
        return syncRunner.run(items);
    }

    /**
     * Runs {@link #sync} over a fresh stream from {@code source} every {@code period} (fixed delay, first run
     * right away) on {@code scheduler}; a failing run is logged and the schedule goes on. Cancel the returned
     * future to stop.
     */
    public ScheduledFuture<?> scheduleSync(Supplier<? extends Stream<?>> source, Duration period,
                                           ScheduledExecutorService scheduler) {
        Objects.requireNonNull(source, "source");
        return scheduler.scheduleWithFixedDelay(() -> {
            try {
                if (!closed) {
                    sync(source.get());
                }
            } catch (RuntimeException e) {
                LOG.warn("scheduled outbound sync failed: {}", e.toString());
                LOG.debug("scheduled outbound sync failure", e);
            }
        }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Delivers what is due now on the calling thread, once; for tests with a fixed clock, and for applications
     * that drive delivery themselves instead of calling {@link #start()}.
     *
     * @return how many changes were attempted (0: nothing was due)
     */
    public int deliverDue() {
        return worker.deliverDue();
    }

    /**
     * Waits until the outbox holds no live change (delivered or dead-lettered), or the timeout passes. Changes
     * waiting for a retry count as live.
     *
     * @return whether the outbox became idle in time
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (outbox.liveCount() > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            // woken when a worker runs out of due work; the cap covers deliveries by other threads or processes
            pool.awaitIdleLoop(Math.min(left, TimeUnit.MILLISECONDS.toNanos(10)));
        }
        return true;
    }

    /**
     * How many changes are live in the outbox and how long the oldest has waited (two outbox queries; meant for
     * metrics gauges and health checks, not for every save).
     *
     * @since 1.0
     */
    public Backlog backlog() {
        Instant now = clock.instant();
        long live = outbox.liveCount();
        return Backlog.of(live, live == 0 ? null : outbox.oldestLiveCreatedAt(), now);
    }

    /**
     * Whether delivery works: worker loops running, failures of delivery passes (an {@link Error} such as
     * {@link OutOfMemoryError} or an unreachable outbox: the loops log it, pause and go on), disabled destinations.
     *
     * @since 1.0
     */
    public WebhookHealth health() {
        destinations.refresh();
        List<DestinationHealth> disabled = destinations.disabled();
        WebhookHealth.Status status;
        if (closed) {
            status = WebhookHealth.Status.STOPPED;
        } else if (!pool.started()) {
            status = WebhookHealth.Status.NOT_STARTED;
        } else if (pool.failingSince() != null || pool.running() < pool.loops() || !disabled.isEmpty()) {
            status = WebhookHealth.Status.DEGRADED;
        } else {
            status = WebhookHealth.Status.UP;
        }
        return WebhookHealth.of(status, pool.loops(), pool.running(), pool.failingSince(), pool.lastFailureAt(),
                pool.lastFailure(), disabled);
    }

    /**
     * The delivery health of a destination: healthy, failing since when and how often, or disabled (when, why).
     *
     * @since 1.1
     */
    public DestinationHealth destinationHealth(String destinationId) {
        return destinations.health(Objects.requireNonNull(destinationId, "destinationId"));
    }

    /**
     * Enables a destination that the {@link DestinationHealthPolicy} disabled: its failures are forgotten, and the
     * changes that waited for it (parked, or waiting for a retry) are due now, attempts reset, and delivered oldest
     * first, each key's in order. The listener hears {@link WebhookEventListener#destinationEnabled}. Enabling a
     * destination that is not disabled only makes its waiting changes due.
     *
     * @return how many waiting changes became due
     * @throws OutboxStoreException when a database store fails (the destination then stays as it was)
     * @since 1.1
     */
    public int enableDestination(String destinationId) {
        requireOpen();
        int resumed = destinations.enable(Objects.requireNonNull(destinationId, "destinationId"));
        pool.wake();
        return resumed;
    }

    /** The dead letters, oldest first. */
    public List<OutboxEntry> deadLetters(int limit) {
        return outbox.deadLetters(limit);
    }

    /**
     * Puts the given dead letters back into the queue (attempts reset, due now; same message ids); none given
     * replays all. Delta detection then counts the replayed changes as on their way (the outbox holds them as live
     * again), so that a save reverting one is still sent.
     *
     * @return how many were replayed
     */
    public int replayDeadLetters(List<Long> ids) {
        requireOpen();
        int replayed = outbox.replay(List.copyOf(ids), clock.instant());
        LOG.info("replayed {} dead letters", replayed);
        pool.wake();
        return replayed;
    }

    /** Replays every dead letter. */
    public int replayDeadLetters() {
        return replayDeadLetters(List.of());
    }

    /** The monitor holding an {@link OutboundRequest} per delivery attempt. */
    public OutboundMonitor monitor() {
        return monitor;
    }

    /** The outbox changes wait in. */
    public Outbox outbox() {
        return outbox;
    }

    /** The store of delivered payload hashes. */
    public VersionMarkerStore markers() {
        return markers;
    }

    /**
     * Stops accepting changes, lets the workers deliver what is due (up to the drain timeout), then stops them.
     * Changes not delivered stay in the outbox: kept with a durable outbox, lost with the in-memory one. Closes
     * the executor, outbox and marker store only if the service created them.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!pool.stop(drainTimeout)) {
                LOG.warn("delivery workers did not finish within {}; interrupted", drainTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long left = outbox.liveCount();
        if (left > 0) {
            LOG.info("webhook service closed with {} changes left in the outbox", left);
        } else {
            LOG.info("webhook service closed");
        }
        shutdownOwned.run();
    }

    private int single(ChangeType type, Object item) {
        requireOpen();
        try {
            return recordBound(type, List.of(Objects.requireNonNull(item, "item")));
        } catch (ChangeRejectedException e) {
            throw e.rejections().get(0).cause();
        }
    }

    private int single(ChangeType type, Object item, Connection connection) {
        requireOpen();
        try {
            return recorder.record(type, List.of(Objects.requireNonNull(item, "item")), connection);
        } catch (ChangeRejectedException e) {
            throw e.rejections().get(0).cause();
        }
    }

    /** Records into the transaction bound to this thread, if a binding is configured and finds one. */
    private int recordBound(ChangeType type, List<?> items) {
        Connection bound = transactionBinding == null ? null : transactionBinding.currentConnection();
        return bound == null ? recorder.record(type, items) : recorder.record(type, items, bound);
    }

    /**
     * After an append: listeners hear of the changes and workers wake, right away, or, for an append into a
     * transaction the binding finds on this thread, once that transaction commits (never for a rollback). For an
     * append into a connection the caller passed, listeners hear of the changes now, and the workers wake when the
     * caller reports the commit ({@link #changesCommitted()}): woken before, they would find nothing to claim.
     */
    private void appended(List<OutboxEntry> entries, boolean intoCallersConnection) {
        Connection bound = transactionBinding == null ? null : transactionBinding.currentConnection();
        if (bound != null) {
            transactionBinding.afterCommit(() -> queued(entries, true));
        } else {
            queued(entries, !intoCallersConnection);
        }
    }

    private void queued(List<OutboxEntry> entries, boolean wake) {
        if (!listener.isEmpty()) {
            for (OutboxEntry e : entries) {
                listener.changeQueued(ChangeInfo.of(e));
            }
        }
        if (wake) {
            pool.wake();
        }
    }

    /**
     * Tells the delivery workers that the application committed a transaction into which it wrote changes with
     * {@link #saved(Object, Connection)}, {@link #deleted(Object, Connection)} or their collection forms, so that
     * they claim them now instead of at their next poll (up to the {@linkplain Builder#pollInterval poll interval}
     * later). Workers are not woken by such writes themselves: before the commit there is nothing they could claim.
     * With a {@link TransactionBinding} the service does this itself after the commit; called at any other time it
     * costs the workers one look at the outbox.
     *
     * <pre>{@code
     * try (Connection connection = dataSource.getConnection()) {
     *     connection.setAutoCommit(false);
     *     customers.insert(connection, customer);
     *     webhooks.saved(customer, connection);
     *     connection.commit();
     * }
     * webhooks.changesCommitted();
     * }</pre>
     *
     * @since 1.0
     */
    public void changesCommitted() {
        pool.wake();
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("webhook service is closed");
        }
    }

    /** Builds a {@link WebhookService}; only {@link #webhook} is required (plus {@link #destinations} for HTTP). */
    public static final class Builder {
        private DestinationClient destinations;
        private Outbox outbox;
        private VersionMarkerStore markers;
        private SyncMemoryStore syncMemory;
        private DestinationHealthStore healthStore;
        private DestinationHealthPolicy healthPolicy = DestinationHealthPolicy.defaults();
        private final List<WebhookConfiguration> webhooks = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private int threads = 2;
        private ExecutorService executor;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private OutboundMonitor monitor;
        private WebhookEventListener listener = WebhookEventListener.NONE;
        private Duration lease = Duration.ofSeconds(30);
        private @Nullable TransactionBinding transactionBinding;
        private int claimSize;
        private Duration pollInterval = Duration.ofSeconds(1);
        private Duration drainTimeout = Duration.ofSeconds(30);
        private Supplier<String> messageIds = () -> UUID.randomUUID().toString();
        private String owner = "ioflow-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID();
        private ChangeContext changeContext = ChangeContext.NONE;
        private final List<DeliveryInterceptor> interceptors = new ArrayList<>();

        private Builder() {
        }

        /**
         * Captures the caller's context (e.g. the current trace) with every change, for its delivery
         * ({@link dev.ioflow.webhook.spi.Delivery#headers()}); default {@link ChangeContext#NONE}.
         *
         * @since 1.0
         */
        public Builder changeContext(ChangeContext context) {
            this.changeContext = Objects.requireNonNull(context, "context");
            return this;
        }

        /**
         * Adds an interceptor around every target call (e.g. a delivery span); interceptors run in the order
         * added, the first outermost.
         *
         * @since 1.0
         */
        public Builder deliveryInterceptor(DeliveryInterceptor interceptor) {
            interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
            return this;
        }

        /**
         * Writes {@code saved}/{@code deleted} changes into the transaction this binding finds on the calling
         * thread (for example Spring's), so that they commit or roll back with the application's write; workers
         * are woken after the commit. Without a transaction on the thread, changes are committed on their own.
         * Needs an outbox in the same database (a {@link dev.ioflow.webhook.spi.TransactionalOutbox}).
         *
         * @since 1.0
         */
        public Builder transactionBinding(TransactionBinding binding) {
            this.transactionBinding = Objects.requireNonNull(binding, "binding");
            return this;
        }

        /** Sends the webhooks without a custom target by HTTP POST through this client. */
        public Builder destinations(DestinationClient client) {
            this.destinations = client;
            return this;
        }

        /** Where changes wait (default a new {@link InMemoryOutbox}). */
        public Builder outbox(Outbox outbox) {
            this.outbox = outbox;
            return this;
        }

        /** Where delivered hashes are kept (default a new {@link InMemoryVersionMarkerStore}). */
        public Builder markers(VersionMarkerStore markers) {
            this.markers = markers;
            return this;
        }

        /**
         * Where outbound syncs remember the items they saw, for webhooks that synchronize deletes (default: a
         * {@link JdbcSyncMemoryStore} in the outbox's database when the outbox is a {@link JdbcOutbox}, so that an
         * item removed while the application was down is deleted by the next run; else in memory).
         *
         * @since 1.1
         */
        public Builder syncMemory(SyncMemoryStore memory) {
            this.syncMemory = Objects.requireNonNull(memory, "memory");
            return this;
        }

        /**
         * When a destination that keeps failing is disabled (default {@link DestinationHealthPolicy#defaults()}:
         * after 5 days of failures; {@link DestinationHealthPolicy#never()} turns it off).
         *
         * @since 1.1
         */
        public Builder destinationHealthPolicy(DestinationHealthPolicy policy) {
            this.healthPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Where failing and disabled destinations are recorded (default: a {@link JdbcDestinationHealthStore} in the
         * outbox's database when the outbox is a {@link JdbcOutbox}, so that a disabled destination stays disabled
         * across restarts and instances; else in memory).
         *
         * @since 1.1
         */
        public Builder destinationHealthStore(DestinationHealthStore store) {
            this.healthStore = Objects.requireNonNull(store, "store");
            return this;
        }

        /** Adds a webhook; ids must be unique. */
        public Builder webhook(WebhookConfiguration webhook) {
            webhooks.add(Objects.requireNonNull(webhook, "webhook"));
            return this;
        }

        /** The clock for change times, retry schedules and monitoring (default the system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How many changes are delivered in parallel (default 2). */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + threads);
            }
            this.threads = threads;
            return this;
        }

        /**
         * Runs the worker loops on this executor instead of the service's own threads; it must be able to run
         * {@link #threads} tasks at once, and is not shut down by the service.
         */
        public Builder executor(ExecutorService executor) {
            this.executor = executor;
            return this;
        }

        /** When to retry (default {@link RetryPolicy#defaults()}). */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Observes queued changes, attempts, dead letters, destination health and worker failures (default
         * {@link WebhookEventListener#NONE}); combine several with {@link WebhookEventListener#composite}.
         *
         * @since 1.0
         */
        public Builder eventListener(WebhookEventListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Where attempts are recorded (default a monitor with the defaults and this service's clock). */
        public Builder monitor(OutboundMonitor monitor) {
            this.monitor = monitor;
            return this;
        }

        /**
         * How long a claimed change is reserved for a worker (default 30 s). Workers renew the leases of what they
         * deliver every third of it, so a slow delivery keeps its claim; when a process dies, its claims are
         * delivered by another worker once the lease ends.
         */
        public Builder lease(Duration lease) {
            this.lease = Objects.requireNonNull(lease, "lease");
            return this;
        }

        /**
         * Changes a worker claims at once (default the largest batch size of the webhooks). A larger claim saves
         * round trips to a JDBC outbox, but a worker delivers its claim in sequence, so with few changes waiting it
         * lowers parallelism.
         */
        public Builder claimSize(int size) {
            this.claimSize = size;
            return this;
        }

        /** The longest an idle worker sleeps before asking the outbox again (default 1 s). */
        public Builder pollInterval(Duration interval) {
            this.pollInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /** How long {@link WebhookService#close()} lets workers deliver what is due (default 30 s). */
        public Builder drainTimeout(Duration timeout) {
            this.drainTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Makes message ids (default random UUIDs). */
        public Builder messageIds(Supplier<String> ids) {
            this.messageIds = Objects.requireNonNull(ids, "ids");
            return this;
        }

        /** This process's name in outbox leases (default {@code ioflow-<pid>-<uuid>}). */
        public Builder owner(String owner) {
            this.owner = Objects.requireNonNull(owner, "owner");
            return this;
        }

        /**
         * Returns the service (not started).
         *
         * @throws IllegalStateException when no webhook is configured, two share an id, or a webhook needs HTTP
         *                               and no {@link DestinationClient} was given or its registry lacks the
         *                               webhook's destination id
         */
        public WebhookService build() {
            return new WebhookService(this);
        }

        private List<Route> routes(Clock serviceClock) {
            if (webhooks.isEmpty()) {
                throw new IllegalStateException("a webhook service needs at least one webhook configuration");
            }
            Set<String> ids = new HashSet<>();
            List<Route> routes = new ArrayList<>();
            for (WebhookConfiguration w : webhooks) {
                if (!ids.add(w.id())) {
                    throw new IllegalStateException("two webhook configurations have the id '" + w.id() + "'");
                }
                routes.add(Route.of(w, w.target() != null ? w.target() : httpTarget(w, serviceClock)));
            }
            return routes;
        }

        private DeliveryTarget httpTarget(WebhookConfiguration w, Clock serviceClock) {
            if (destinations == null) {
                throw new IllegalStateException("webhook '" + w.id() + "' sends to destination '" + w.destinationId()
                        + "' by HTTP but no DestinationClient was given: call destinations(client)");
            }
            List<String> known = destinations.registry().ids();
            if (!known.contains(w.destinationId())) {
                throw new IllegalStateException("webhook '" + w.id() + "' sends to destination '" + w.destinationId()
                        + "', which the DestinationClient's registry does not have (it has " + known + ")");
            }
            return HttpDeliveryTarget.builder(destinations).clock(serviceClock).signer(w.signer()).path(w.path())
                    .httpDelete(w.httpDelete()).build();
        }
    }
}
