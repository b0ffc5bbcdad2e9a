package dev.ioflow.benchmarks;

import dev.ioflow.core.PayloadRenderer;
import dev.ioflow.destinations.ConsumedDestination;
import dev.ioflow.destinations.DestinationClient;
import dev.ioflow.destinations.DestinationRegistry;
import dev.ioflow.webhook.WebhookConfiguration;
import dev.ioflow.webhook.WebhookService;
import dev.ioflow.webhook.spi.Outbox;
import dev.ioflow.webhook.spi.VersionMarkerStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One {@code saved(item)} per call for {@link JdbcOutboxHarness}: fresh customers saved from the pool's threads into a
 * webhook service over the given outbox and marker store, workers not started, so that what is timed is the
 * caller's path (rendering, the delta detection's reads of live changes and markers, the durable append).
 */
final class SingleSavesRun {
    private SingleSavesRun() {
    }

    /**
     * Saves {@code n} new customers one per call from {@code threads} of the pool, after a warm-up round followed by
     * {@code afterWarmUp}; saves/s.
     */
    static double savesPerSecond(Outbox outbox, VersionMarkerStore markers, ExecutorService pool, int threads, int n,
                                 Runnable afterWarmUp) throws Exception {
        PayloadRenderer renderer = PayloadRenderer.of(DeliveryThroughputBenchmark.IO_CUSTOMER,
                DeliveryThroughputBenchmark.TYPES);
        DestinationRegistry registry = DestinationRegistry.builder()
                .add(ConsumedDestination.builder("sink", "http://127.0.0.1:9/hooks").build())
                .build();
        try (WebhookService service = WebhookService.builder()
                .destinations(DestinationClient.builder().registry(registry).build())
                .outbox(outbox).markers(markers)
                .webhook(WebhookConfiguration.builder(renderer, "sink").build())
                .build()) {
            save(service, pool, threads, n / 2, "w"); // warm-up (JIT, server-side prepared statements)
            afterWarmUp.run();
            long start = System.nanoTime();
            save(service, pool, threads, n, "s");
            return n / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static void save(WebhookService service, ExecutorService pool, int threads, int n, String prefix)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            done.add(pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < n; ) {
                    service.saved(Map.of("itemtype", "Customer", "customerID", prefix + i,
                            "contactEmail", prefix + i + "@example.com", "firstName", "First" + i,
                            "lastName", "Last" + i));
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
    }
}
