package dev.ioflow.webhook.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Names the service's own delivery threads {@code ioflow-webhook-N}; daemon threads, so they never block exit. */
public final class WorkerThreads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, "ioflow-webhook-" + count.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }
}
