package dev.ioflow.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ioflow.core.PayloadRenderer;
import dev.ioflow.destinations.ConsumedDestination;
import dev.ioflow.destinations.DestinationClient;
import dev.ioflow.destinations.DestinationRegistry;
import dev.ioflow.webhook.WebhookConfiguration;
import dev.ioflow.webhook.WebhookService;
import dev.ioflow.webhook.spi.Outbox;
import dev.ioflow.webhook.spi.VersionMarkerStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;

/**
 * One end-to-end run for {@link JdbcOutboxHarness}: {@code saved(collection)} of fresh customer changes into a
 * webhook service over the given outbox and marker store, delivered by worker threads to a loopback HTTP sink
 * answering 200, timed from the first save until the outbox is idle.
 */
final class EndToEndOutboxRun {
    /** Changes a worker claims per pass, in both runs (one claim transaction per pass). */
    static final int CLAIM_SIZE = 64;

    private EndToEndOutboxRun() {
    }

    /** Delivers {@code changes} customer changes with {@code threads} workers; returns changes per second. */
    static double changesPerSecond(Outbox outbox, VersionMarkerStore markers, int changes, int threads, int round)
            throws IOException, InterruptedException {
        AtomicLong received = new AtomicLong();
        ExecutorService sinkThreads = Executors.newFixedThreadPool(Math.max(4, threads));
        HttpServer sink = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        sink.createContext("/hooks", exchange -> answer(exchange, received));
        sink.setExecutor(sinkThreads);
        sink.start();
        OkHttpClient okHttp = new OkHttpClient();
        PayloadRenderer renderer = PayloadRenderer.of(DeliveryThroughputBenchmark.IO_CUSTOMER,
                DeliveryThroughputBenchmark.TYPES);
        DestinationRegistry registry = DestinationRegistry.builder()
                .add(ConsumedDestination.builder("sink", "http://127.0.0.1:" + sink.getAddress().getPort()
                        + "/hooks").build())
                .build();
        try (WebhookService service = WebhookService.builder()
                .destinations(DestinationClient.builder().registry(registry).okHttpClient(okHttp).build())
                .outbox(outbox).markers(markers).threads(threads).claimSize(CLAIM_SIZE)
                .pollInterval(Duration.ofMillis(50))
                .webhook(WebhookConfiguration.builder(renderer, "sink").build())
                .build()) {
            service.start();
            List<Map<String, Object>> items = new ArrayList<>(changes);
            for (int i = 0; i < changes; i++) {
                items.add(Map.of("itemtype", "Customer", "customerID", "c" + i,
                        "contactEmail", "c" + i + "." + round + "@example.com", "firstName", "First" + i,
                        "lastName", "Last" + i));
            }
            long start = System.nanoTime();
            service.saved(items);
            if (!service.awaitIdle(Duration.ofMinutes(3))) {
                throw new IllegalStateException("not idle after 3 minutes: " + received.get() + " of " + changes
                        + " delivered");
            }
            double rate = changes / ((System.nanoTime() - start) / 1e9);
            if (received.get() < changes) {
                throw new IllegalStateException("the sink received " + received.get() + " of " + changes);
            }
            return rate;
        } finally {
            sink.stop(0);
            sinkThreads.shutdownNow();
            okHttp.dispatcher().executorService().shutdown();
            okHttp.connectionPool().evictAll();
        }
    }

    /** The loopback sink's handler: reads the request, counts it, answers 200 without a body. */
    static void answer(HttpExchange exchange, AtomicLong received) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
        }
        received.incrementAndGet();
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
    }
}
