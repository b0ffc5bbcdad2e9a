package dev.ioflow.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ioflow.emarsys.ContactMapping;
import dev.ioflow.emarsys.EmarsysClient;
import dev.ioflow.emarsys.EmarsysConfig;
import dev.ioflow.emarsys.EmarsysContactTarget;
import dev.ioflow.webhook.ChangeType;
import dev.ioflow.webhook.spi.DeliveryOutcome;
import dev.ioflow.webhook.spi.Delivery;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Delivers {@code changes} customer changes (100,000 by default) to a local Emarsys stand-in through
 * {@link EmarsysContactTarget}: batched (1000 contacts per {@code PUT contact}, as the adapter does) versus one
 * request per item (what SAP Commerce webhooks do: the same target limited to one contact per request). Both go
 * through the same mapping, client and WSSE signing; the stand-in is a minimal JDK HTTP server on loopback that
 * answers Emarsys' envelope with one id per contact, so the numbers are the client side's cost.
 *
 * <p>Each invocation is one full delivery (single-shot time); contacts/s = changes / time. At the end of every
 * iteration the benchmark prints requests sent and contacts/s. Targets: at least 50× fewer requests and at least
 * 20× faster batched. Quick proof run:
 * {@code java -jar benchmarks/target/benchmarks.jar EmarsysDeliveryBenchmark -f 1 -wi 1 -i 2 -p changes=2000}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class EmarsysDeliveryBenchmark {

    private static final int BATCH = 1000;

    @Param("100000")
    public int changes;

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong contacts = new AtomicLong();
    private HttpServer server;
    private List<Delivery> customerChanges;
    private EmarsysContactTarget batched;
    private EmarsysContactTarget perItem;
    private long iterationStart;

    @Setup(Level.Trial)
    public void startStandIn() throws IOException {
        // Without TCP_NODELAY the JDK server's small replies meet delayed ACKs (~40 ms per request), which would
        // flatter batching; with it, the stand-in answers in microseconds.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v2/", this::answer);
        server.start();
        EmarsysClient client = EmarsysClient.builder().config(EmarsysConfig.builder()
                .apiBaseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v2/")
                .wsse("customer001", "customersecret")
                .build()).build();
        ContactMapping mapping = ContactMapping.builder()
                .field("contactEmail", 3)
                .field("firstName", 1)
                .field("lastName", 2)
                .field("customerID", 4711)
                .build();
        batched = EmarsysContactTarget.builder(client, mapping).build();
        perItem = EmarsysContactTarget.builder(client, mapping).maxContactsPerRequest(1).build();
        customerChanges = new ArrayList<>(changes);
        for (int i = 1; i <= changes; i++) {
            String json = "{\"customerID\":\"c" + i + "\",\"contactEmail\":\"c" + i + "@example.com\",\"firstName\":"
                    + "\"First" + i + "\",\"lastName\":\"Last" + i + "\",\"integrationKey\":\"c" + i + "\"}";
            customerChanges.add(Delivery.builder().messageId("m" + i).changeType(ChangeType.SAVED)
                    .integrationObject("ioCustomer").destinationId("emarsys").integrationKey("c" + i)
                    .payload(json.getBytes(StandardCharsets.UTF_8)).createdAt(Instant.EPOCH).build());
        }
    }

    @TearDown(Level.Trial)
    public void stopStandIn() {
        server.stop(0);
    }

    @Setup(Level.Iteration)
    public void resetCounters() {
        requests.set(0);
        contacts.set(0);
        iterationStart = System.nanoTime();
    }

    @TearDown(Level.Iteration)
    public void report() {
        double seconds = (System.nanoTime() - iterationStart) / 1e9;
        System.out.printf("%n  %d contacts in %d requests, %.0f contacts/s%n", contacts.get(), requests.get(),
                changes / seconds);
    }

    /** The adapter's way: batches of 1000 contacts per request. */
    @Benchmark
    public int batched() {
        int delivered = 0;
        for (int from = 0; from < customerChanges.size(); from += BATCH) {
            delivered += count(batched.deliver(customerChanges.subList(from,
                    Math.min(from + BATCH, customerChanges.size()))));
        }
        return check(delivered);
    }

    /** The SAP webhook way: one request per changed item. */
    @Benchmark
    public int perItem() {
        int delivered = 0;
        for (Delivery change : customerChanges) {
            delivered += count(perItem.deliver(List.of(change)));
        }
        return check(delivered);
    }

    private int check(int delivered) {
        if (delivered != changes) {
            throw new IllegalStateException("only " + delivered + " of " + changes + " changes were delivered");
        }
        return delivered;
    }

    private static int count(List<DeliveryOutcome> outcomes) {
        int n = 0;
        for (DeliveryOutcome o : outcomes) {
            n += o instanceof DeliveryOutcome.Delivered ? 1 : 0;
        }
        return n;
    }

    /** Answers the envelope with one id per contact; a contact is a flat JSON object inside the request object. */
    private void answer(HttpExchange exchange) throws IOException {
        int objects = 0;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            for (int i = 0; i + 1 < body.length; i++) {
                if (body[i] == '{' && body[i + 1] == '"') {
                    objects++;
                }
            }
        }
        int n = Math.max(0, objects - 1);
        requests.incrementAndGet();
        contacts.addAndGet(n);
        StringBuilder reply = new StringBuilder(32 + 8 * n).append("{\"replyCode\":0,\"replyText\":\"OK\",\"data\":{\"ids\":[");
        for (int i = 0; i < n; i++) {
            reply.append(i == 0 ? "" : ",").append(1_000_000 + i);
        }
        byte[] bytes = reply.append("]}}").toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
