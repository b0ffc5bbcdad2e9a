package dev.ioflow.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.MapTypeSystem;
import dev.ioflow.core.PayloadRenderer;
import dev.ioflow.core.ValueKind;
import dev.ioflow.destinations.ConsumedDestination;
import dev.ioflow.destinations.DestinationClient;
import dev.ioflow.destinations.DestinationRegistry;
import dev.ioflow.webhook.WebhookConfiguration;
import dev.ioflow.webhook.WebhookService;
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
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Delivers 1000 customer changes per invocation to a local HTTP sink (a minimal JDK HTTP server on
 * loopback answering 200) with {@code threads} workers: {@code ioflow} records them with {@code saved(items)} and
 * waits until the webhook service has POSTed them all (render, delta check, outbox, claim, DestinationClient,
 * markers, monitoring); {@code plainOkHttp} POSTs the same payloads, pre-rendered, from the same number of
 * threads with one shared OkHttp client. The score is events/s (one operation per event). Target: ioflow at
 * least 80% of the plain loop's events/s. Quick proof run:
 * {@code java -jar benchmarks/target/benchmarks.jar DeliveryThroughputBenchmark -f 1 -wi 1 -i 2 -r 2s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(DeliveryThroughputBenchmark.EVENTS)
@Fork(1)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class DeliveryThroughputBenchmark {
    static final IntegrationObject IO_CUSTOMER = IntegrationObject.builder("ioCustomer")
            .item("Customer", item -> item.root()
                    .attribute("customerID", a -> a.unique())
                    .attribute("contactEmail")
                    .attribute("firstName")
                    .attribute("lastName"))
            .build();
    static final MapTypeSystem TYPES = MapTypeSystem.builder()
            .type("Customer", t -> t.attribute("customerID", ValueKind.STRING)
                    .attribute("contactEmail", ValueKind.STRING)
                    .attribute("firstName", ValueKind.STRING)
                    .attribute("lastName", ValueKind.STRING))
            .discriminator("itemtype")
            .build();
    private static final MediaType JSON = MediaType.get("application/json");

    static final int EVENTS = 1000;
    private final int events = EVENTS;

    @Param("4")
    public int threads;

    private final AtomicLong received = new AtomicLong();
    private HttpServer sink;
    private ExecutorService sinkThreads;
    private OkHttpClient okHttp;
    private WebhookService service;
    private ExecutorService senders;
    private PayloadRenderer renderer;
    private String url;
    private int round;
    private List<Map<String, Object>> items;
    private List<byte[]> payloads;

    @Setup(Level.Trial)
    public void start() throws IOException {
        sinkThreads = Executors.newFixedThreadPool(Math.max(4, threads));
        sink = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        sink.createContext("/hooks", this::answer);
        sink.setExecutor(sinkThreads);
        sink.start();
        url = "http://127.0.0.1:" + sink.getAddress().getPort() + "/hooks";
        okHttp = new OkHttpClient();
        renderer = PayloadRenderer.of(IO_CUSTOMER, TYPES);
        DestinationRegistry registry = DestinationRegistry.builder()
                .add(ConsumedDestination.builder("sink", url).build())
                .build();
        service = WebhookService.builder()
                .destinations(DestinationClient.builder().registry(registry).okHttpClient(okHttp).build())
                .threads(threads)
                .webhook(WebhookConfiguration.builder(renderer, "sink").build())
                .build();
        service.start();
        senders = Executors.newFixedThreadPool(threads);
    }

    /** Fresh items every invocation, so that every one is a change. */
    @Setup(Level.Invocation)
    public void nextItems() {
        round++;
        items = new ArrayList<>(events);
        payloads = new ArrayList<>(events);
        for (int i = 0; i < events; i++) {
            Map<String, Object> item = Map.of("itemtype", "Customer", "customerID", "c" + i,
                    "contactEmail", "c" + i + "." + round + "@example.com", "firstName", "First" + i,
                    "lastName", "Last" + i);
            items.add(item);
            payloads.add(renderer.renderJson(item));
        }
    }

    @Benchmark
    public long ioflow() throws InterruptedException {
        service.saved(items);
        if (!service.awaitIdle(Duration.ofMinutes(5))) {
            throw new IllegalStateException("webhook service did not deliver " + events + " events in 5 minutes");
        }
        return received.get();
    }

    @Benchmark
    public long plainOkHttp() throws Exception {
        List<Future<?>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            parts.add(senders.submit(() -> {
                for (int i = first; i < events; i += threads) {
                    Request request = new Request.Builder().url(url).post(RequestBody.create(payloads.get(i), JSON)).build();
                    try (Response response = okHttp.newCall(request).execute()) {
                        if (!response.isSuccessful()) {
                            throw new IllegalStateException("sink answered " + response.code());
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> part : parts) {
            part.get();
        }
        return received.get();
    }

    @TearDown(Level.Trial)
    public void stop() {
        service.close();
        senders.shutdownNow();
        sink.stop(0);
        sinkThreads.shutdownNow();
        okHttp.dispatcher().executorService().shutdown();
        okHttp.connectionPool().evictAll();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
        }
        received.incrementAndGet();
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
    }
}
