package dev.ioflow.webhook.internal.jdbc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Group commit: callers that submit while a transaction is being written wait, and the next writer commits all
 * their requests in one transaction, so that concurrent appends cost one disk flush instead of one each. When a
 * shared transaction fails, its requests are retried one by one, so that each caller gets its own outcome.
 *
 * <p>Left alone, the batches of a few busy threads alternate: the callers of one batch come back just after the next
 * writer has taken the queue (four threads make batches of 3 and 1, two appends per flush). So the next writer
 * waits, briefly, for the threads of the batch just written that have not submitted again: at most a quarter of
 * that write's time and never more than 2 ms, and not at all when they are back already, so that a lone caller never waits.
 *
 * @param <R> a request
 */
public final class GroupCommit<R> {
    private final Consumer<List<R>> writer;
    private final LongSupplier nanoTime;
    private final long maxGatherNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private List<Ticket<R>> queue = new ArrayList<>();
    private boolean writing;
    /** The threads of the last batch written that have not submitted since. */
    private final Set<Thread> returning = Collections.newSetFromMap(new IdentityHashMap<>());
    private long gatherNanos;

    /** Commits requests with {@code writer}, which writes all of a list in one transaction or throws. */
    public GroupCommit(Consumer<List<R>> writer) {
        this(writer, System::nanoTime, Duration.ofMillis(2));
    }

    /** A group commit measuring its writes with {@code nanoTime}, gathering returning callers for at most {@code maxGather}. */
    GroupCommit(Consumer<List<R>> writer, LongSupplier nanoTime, Duration maxGather) {
        this.writer = writer;
        this.nanoTime = nanoTime;
        this.maxGatherNanos = maxGather.toNanos();
    }

    /** Commits the request, together with those submitted meanwhile; returns once it is committed. */
    public void submit(R request) {
        Ticket<R> ticket = new Ticket<>(request);
        List<Ticket<R>> batch;
        lock.lock();
        try {
            queue.add(ticket);
            if (returning.remove(ticket.caller) && returning.isEmpty()) {
                changed.signalAll();
            }
            while (writing && !ticket.done) {
                // keeps waiting when interrupted: the request is queued and the caller must learn its outcome
                changed.awaitUninterruptibly();
            }
            if (ticket.done) {
                rethrow(ticket);
                return;
            }
            writing = true;
            gather();
            batch = queue;
            queue = new ArrayList<>();
            returning.clear();
            batch.forEach(t -> returning.add(t.caller));
        } finally {
            lock.unlock();
        }
        long started = nanoTime.getAsLong();
        try {
            write(batch);
        } finally {
            long took = nanoTime.getAsLong() - started;
            lock.lock();
            try {
                gatherNanos = Math.min(maxGatherNanos, took / 4);
                writing = false;
                for (Ticket<R> t : batch) {
                    t.done = true;
                }
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
        rethrow(ticket);
    }

    /** Waits, holding the writer's turn, until the last batch's callers are back or the gathering time is over. */
    private void gather() {
        long left = gatherNanos;
        try {
            while (!returning.isEmpty() && left > 0) {
                left = changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // write what is queued now
        }
    }

    private void write(List<Ticket<R>> batch) {
        List<R> requests = new ArrayList<>(batch.size());
        batch.forEach(t -> requests.add(t.request));
        try {
            writer.accept(requests);
            return;
        } catch (RuntimeException | Error together) {
            if (batch.size() == 1) {
                batch.get(0).failure = together;
                return;
            }
        }
        for (Ticket<R> t : batch) {
            try {
                writer.accept(List.of(t.request));
            } catch (RuntimeException | Error alone) {
                t.failure = alone;
            }
        }
    }

    private static <R> void rethrow(Ticket<R> ticket) {
        Throwable failure = ticket.failure;
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    private static final class Ticket<R> {
        final R request;
        final Thread caller = Thread.currentThread();
        boolean done;
        Throwable failure;

        Ticket(R request) {
            this.request = request;
        }
    }
}
