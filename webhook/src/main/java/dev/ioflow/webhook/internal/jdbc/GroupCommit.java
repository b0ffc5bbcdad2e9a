package dev.ioflow.webhook.internal.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Group commit: callers that submit while a transaction is being written wait, and the next writer commits all
 * their requests in one transaction, so that concurrent appends cost one disk flush instead of one each. When a
 * shared transaction fails, its requests are retried one by one, so that each caller gets its own outcome.
 *
 * @param <R> a request
 */
public final class GroupCommit<R> {
    private final Consumer<List<R>> writer;
    private final Object lock = new Object();
    private List<Ticket<R>> queue = new ArrayList<>();
    private boolean writing;

    /** Commits requests with {@code writer}, which writes all of a list in one transaction or throws. */
    public GroupCommit(Consumer<List<R>> writer) {
        this.writer = writer;
    }

    /** Commits the request, together with those submitted meanwhile; returns once it is committed. */
    public void submit(R request) {
        Ticket<R> ticket = new Ticket<>(request);
        List<Ticket<R>> batch;
        synchronized (lock) {
            queue.add(ticket);
            while (writing && !ticket.done) {
                waitUninterruptibly();
            }
            if (ticket.done) {
                rethrow(ticket);
                return;
            }
            writing = true;
            batch = queue;
            queue = new ArrayList<>();
        }
        try {
            write(batch);
        } finally {
            synchronized (lock) {
                writing = false;
                for (Ticket<R> t : batch) {
                    t.done = true;
                }
                lock.notifyAll();
            }
        }
        rethrow(ticket);
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

    private void waitUninterruptibly() {
        try {
            lock.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // keep waiting: the request is queued and the caller must learn whether it was committed
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
        boolean done;
        Throwable failure;

        Ticket(R request) {
            this.request = request;
        }
    }
}
