package dev.ioflow.webhook.internal;

import dev.ioflow.webhook.spi.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs delivery passes on a fixed number of loops. A loop that finds nothing due sleeps until the outbox's next
 * due time, at most {@code pollInterval} (other processes may append to a shared outbox), or until
 * {@link #wake()} is called after an append. Stopping lets loops finish what is due, up to a deadline.
 */
public final class WorkerPool {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);
    private static final long ERROR_PAUSE_MILLIS = 1000;

    private enum State { NEW, RUNNING, DRAINING, STOPPED }

    private final DeliveryWorker worker;
    private final Outbox outbox;
    private final Clock clock;
    private final int loops;
    private final Duration pollInterval;
    private final ExecutorService executor;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signal = lock.newCondition();
    private final Condition idle = lock.newCondition();
    private final List<Future<?>> futures = new ArrayList<>();
    private long wakeups;
    private volatile State state = State.NEW;
    private volatile long drainDeadline;
    private CountDownLatch finished;
    private final CompositeListener listener;
    private final AtomicInteger running = new AtomicInteger();
    /** The loops (by thread id) whose last pass failed, with their first failure since their last good pass. */
    private final ConcurrentHashMap<Long, Instant> failing = new ConcurrentHashMap<>();
    private volatile @Nullable Instant lastFailureAt;
    private volatile @Nullable String lastFailure;

    /** A pool of {@code loops} loops run on {@code executor}, which must be able to run them all at once. */
    public WorkerPool(DeliveryWorker worker, Outbox outbox, Clock clock, int loops, Duration pollInterval,
                      ExecutorService executor, CompositeListener listener) {
        this.listener = listener;
        this.worker = worker;
        this.outbox = outbox;
        this.clock = clock;
        this.loops = loops;
        this.pollInterval = pollInterval;
        this.executor = executor;
    }

    /** Starts the loops (once). */
    public void start() {
        lock.lock();
        try {
            if (state != State.NEW) {
                throw new IllegalStateException(state == State.RUNNING ? "delivery workers were already started"
                        : "delivery workers were stopped");
            }
            state = State.RUNNING;
            finished = new CountDownLatch(loops);
            for (int i = 0; i < loops; i++) {
                // counted from here, not when the thread gets to run: health right after start sees every loop
                running.incrementAndGet();
                futures.add(executor.submit(this::loop));
            }
        } finally {
            lock.unlock();
        }
    }

    /** Whether the loops are running. */
    public boolean isRunning() {
        return state == State.RUNNING;
    }

    /** Wakes sleeping loops: something was appended. */
    public void wake() {
        lock.lock();
        try {
            wakeups++;
            signal.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Lets the loops deliver what is due until nothing is, or the timeout passes; then stops them, interrupting
     * calls still running.
     *
     * @return whether every loop ended within the timeout
     */
    public boolean stop(Duration timeout) throws InterruptedException {
        lock.lock(); // under the lock, so that a concurrent start() either sees STOPPED or is drained here
        try {
            if (state != State.RUNNING) {
                state = State.STOPPED;
                return true;
            }
            drainDeadline = System.nanoTime() + timeout.toNanos();
            state = State.DRAINING;
            wakeups++;
            signal.signalAll();
        } finally {
            lock.unlock();
        }
        boolean ended = finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        state = State.STOPPED;
        if (!ended) {
            futures.forEach(f -> f.cancel(true));
        }
        return ended;
    }

    private void loop() {
        try {
            while (state == State.RUNNING || (state == State.DRAINING && System.nanoTime() < drainDeadline)) {
                long seen = wakeupsSeen();
                int delivered = pass();
                if (delivered <= 0) {
                    signalIdle();
                    if (state != State.RUNNING) {
                        return;
                    }
                    // after a failure the pause is kept even when woken: a failing pass must not spin
                    sleep(delivered < 0 ? Long.MIN_VALUE : seen, delivered < 0 ? ERROR_PAUSE_MILLIS : untilDue());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            failing.remove(Thread.currentThread().getId());
            running.decrementAndGet();
            finished.countDown();
        }
    }

    /**
     * Entries handled, or -1 after a failure (the entries' leases will bring them back). Whatever the pass throws,
     * {@link Error}s included, is logged, reported to the listener and kept for {@link #health}; the loop pauses and
     * goes on: an {@link OutOfMemoryError} may pass (the heap frees up), and a dead loop would stop delivery
     * silently.
     */
    private int pass() {
        try {
            int handled = worker.deliverDue();
            failing.remove(Thread.currentThread().getId());
            return handled;
        } catch (Throwable e) { // NOPMD: a worker loop must survive whatever a pass throws, and say so
            failed(e);
            return -1;
        }
    }

    private void failed(Throwable e) {
        Instant now = Instant.now(clock);
        failing.putIfAbsent(Thread.currentThread().getId(), now);
        lastFailureAt = now;
        lastFailure = Texts.describe(e);
        String name = Thread.currentThread().getName();
        if (e instanceof Error) {
            LOG.error("delivery worker {} failed with {}; pausing {} ms and trying again", name, e.toString(),
                    ERROR_PAUSE_MILLIS, e instanceof OutOfMemoryError ? null : e);
        } else {
            LOG.warn("delivery pass failed, pausing {} ms: {}", ERROR_PAUSE_MILLIS, e.toString());
        }
        listener.workerFailed(name, e);
    }

    /** The number of loops started and not yet ended. */
    public int running() {
        return running.get();
    }

    /** The configured number of loops. */
    public int loops() {
        return loops;
    }

    /** The earliest first failure of a loop whose last pass failed, or null when every loop's last pass was good. */
    public @Nullable Instant failingSince() {
        return failing.values().stream().min(Instant::compareTo).orElse(null);
    }

    /** When a pass last failed, or null. */
    public @Nullable Instant lastFailureAt() {
        return lastFailureAt;
    }

    /** The last failure's description, or null. */
    public @Nullable String lastFailure() {
        return lastFailure;
    }

    /** Whether the loops were started (and not yet stopped). */
    public boolean started() {
        return state == State.RUNNING || state == State.DRAINING;
    }

    private long untilDue() {
        long max = pollInterval.toMillis();
        try {
            Instant next = outbox.nextDueAt();
            if (next == null) {
                return max;
            }
            return Math.max(1, Math.min(max, Duration.between(clock.instant(), next).toMillis()));
        } catch (RuntimeException | StackOverflowError e) {
            LOG.warn("could not ask the outbox when work is due: {}", e.toString());
            return max;
        }
    }

    /** Waits until a loop finds nothing due (the outbox may have become idle), or the time is up. */
    public void awaitIdleLoop(long nanos) throws InterruptedException {
        lock.lock();
        try {
            idle.awaitNanos(nanos);
        } finally {
            lock.unlock();
        }
    }

    private void signalIdle() {
        lock.lock();
        try {
            idle.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private long wakeupsSeen() {
        lock.lock();
        try {
            return wakeups;
        } finally {
            lock.unlock();
        }
    }

    private void sleep(long seenWakeups, long millis) throws InterruptedException {
        lock.lock();
        try {
            long nanos = TimeUnit.MILLISECONDS.toNanos(millis);
            while ((wakeups == seenWakeups || seenWakeups == Long.MIN_VALUE) && state == State.RUNNING && nanos > 0) {
                nanos = signal.awaitNanos(nanos);
            }
        } finally {
            lock.unlock();
        }
    }
}
