package dev.ioflow.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.JavaTypeSystem;
import dev.ioflow.core.TypeSystem;
import dev.ioflow.core.persistence.IntegrationObjectStore;
import dev.ioflow.core.persistence.UnitOfWork;
import dev.ioflow.core.persistence.memory.InMemoryItemRepository;
import dev.ioflow.odata.InboundHttpRequest;
import dev.ioflow.odata.InboundHttpResponse;
import dev.ioflow.odata.InboundSecurity;
import dev.ioflow.odata.InboundServer;
import dev.ioflow.odata.InboundService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Inbound OData figures against the targets ($batch upsert of 1,000 new customers into the in-memory store
 * over loopback ≥ 5,000 items/s; one POST p99 ≤ 5 ms; the OData path ≤ 3× the floor), measured side by side in one
 * run and printed as one table:
 * <pre>
 * mvn -B -o -q -pl benchmarks -am package -DskipTests -Djapicmp.skip
 * java -Xms2g -Xmx2g -Dnodelay=true -cp benchmarks/target/benchmarks.jar dev.ioflow.benchmarks.InboundODataBenchmark [rounds] [-Dwarmup=2]
 * </pre>
 * Give the JVM a fixed heap ({@code -Xms} = {@code -Xmx}): the full GC run before each path shrinks a growing heap,
 * and the paths then spend their time in young collections (on a 2-core machine with the default heap, $batch over
 * HTTP measured 3,600 items/s and the floor 39k; with a fixed 2 GB heap 8,300 and 239k). The table's first line
 * says whether the heap was fixed.
 * Each round, after the warm-up rounds, runs these paths on the same customer payloads: 1,000 new customers as
 * $batch requests of 200 creates in one change set each (a fresh server and store per round), then 1,000 single
 * POSTs; and the floor of each: the same JSON bodies parsed with Jackson and upserted through the same
 * {@link IntegrationObjectStore} into a fresh {@link InMemoryItemRepository} directly, in units of work of 200,
 * then one unit of work per customer. Besides, to tell the cost of HTTP, of ioflow and of Olingo apart, the same
 * $batch bodies go in process (no HTTP, fresh stores) through {@link InboundService#handle}, and through Olingo
 * alone ({@link OlingoFloor}: Olingo's batch handling with a processor doing only the upserts, answering 201
 * without a body, then with the entry written back by Olingo as ioflow does). Items/s are the median over rounds,
 * latencies pooled over rounds.
 * {@code -Dnodelay=true} opts the server into TCP_NODELAY ({@link InboundServer.Builder#tcpNoDelay(boolean)});
 * the JDK's HTTP client always sets TCP_NODELAY on its own connections. A harness rather than JMH because the unit
 * of work is a whole HTTP exchange over loopback.
 */
public final class InboundODataBenchmark {
    /** The customer item. */
    public record Customer(String customerId, String email, String firstName, String lastName) {
    }

    private static final IntegrationObject IO = IntegrationObject.builder("InboundCustomer")
            .item("Customer", i -> i.root().attribute("customerId", a -> a.unique()).attribute("email")
                    .attribute("firstName").attribute("lastName"))
            .build();
    private static final TypeSystem TYPES = JavaTypeSystem.builder().type("Customer", Customer.class).build();
    private static final int ITEMS = 1000;
    private static final int BATCH = Integer.getInteger("batch", 200);
    private static final boolean NO_DELAY = Boolean.getBoolean("nodelay");
    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("bench:bench".getBytes(StandardCharsets.UTF_8));
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String BATCH_TYPE = "multipart/mixed; boundary=batch";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Path batch = new Path(false);
    private final Path batchFloor = new Path(true);
    private final Path batchInProcess = new Path(true);
    private final Path olingoFloor = new Path(true);
    private final Path olingoWriteBack = new Path(true);
    private final Path single = new Path(false);
    private final Path singleFloor = new Path(false);

    private InboundODataBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int warmup = Integer.getInteger("warmup", 2);
        InboundODataBenchmark benchmark = new InboundODataBenchmark();
        for (int round = 0; round < warmup + rounds; round++) {
            benchmark.round(round, round >= warmup);
        }
        benchmark.print(rounds, warmup);
    }

    private void round(int round, boolean measured) throws Exception {
        List<String> batchIds = ids("b" + round + "-");
        List<String> singleIds = ids("s" + round + "-");
        InboundService service = service(new InMemoryItemRepository());
        try (InboundServer server = InboundServer.builder(service).port(0).tcpNoDelay(NO_DELAY).start()) {
            URI root = server.url("InboundCustomer");
            batches(batch, measured, batchIds, body -> {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(root.resolve("$batch")).header("Authorization", AUTH)
                        .header("Content-Type", BATCH_TYPE).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                return r.statusCode() == 202 ? r.body() : "HTTP/1.1 " + r.statusCode() + " " + r.body();
            });
            long start = System.nanoTime();
            long cpu = cpuNanos();
            for (String id : singleIds) {
                long t = System.nanoTime();
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(root.resolve("Customers")).header("Authorization", AUTH)
                        .header("Content-Type", "application/json").header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(customer(id))).build(), HttpResponse.BodyHandlers.ofString());
                single.latency(measured, System.nanoTime() - t);
                if (r.statusCode() != 201) {
                    throw new IllegalStateException("POST failed: " + r.statusCode() + " " + r.body());
                }
            }
            single.rate(measured, ITEMS, System.nanoTime() - start, cpuNanos() - cpu);
        }
        InboundService inProcess = service(new InMemoryItemRepository());
        URI root = URI.create("http://127.0.0.1" + InboundService.BASE_PATH + "/InboundCustomer/");
        batches(batchInProcess, measured, batchIds, body -> {
            InboundHttpResponse r = inProcess.handle(InboundHttpRequest.builder("POST", root.resolve("$batch"))
                    .header("Authorization", AUTH).header("Content-Type", BATCH_TYPE).body(body).build());
            return r.status() == 202 ? r.bodyText() : "HTTP/1.1 " + r.status();
        });
        byte[] metadata = inProcess.handle(InboundHttpRequest.builder("GET", root.resolve("$metadata"))
                .header("Authorization", AUTH).build()).body();
        IntegrationObjectStore store = IntegrationObjectStore.of(IO, TYPES);
        for (boolean writeBack : new boolean[] {false, true}) {
            OlingoFloor olingo = new OlingoFloor(store, "Customer", metadata, root, writeBack, InboundODataBenchmark::entry);
            batches(writeBack ? olingoWriteBack : olingoFloor, measured, batchIds,
                    body -> olingo.batch(BATCH_TYPE, body));
        }
        InMemoryItemRepository repository = new InMemoryItemRepository();
        List<byte[]> batchBodies = batchIds.stream().map(id -> customer(id).getBytes(StandardCharsets.UTF_8)).toList();
        List<byte[]> singleBodies = singleIds.stream().map(id -> customer(id).getBytes(StandardCharsets.UTF_8)).toList();
        System.gc();
        long start = System.nanoTime();
        long cpu = cpuNanos();
        long thread = THREADS.getCurrentThreadCpuTime();
        for (int from = 0; from < ITEMS; from += BATCH) {
            long t = System.nanoTime();
            upsert(store, repository, batchBodies.subList(from, from + BATCH));
            batchFloor.latency(measured, System.nanoTime() - t);
        }
        batchFloor.thread(measured, THREADS.getCurrentThreadCpuTime() - thread);
        batchFloor.rate(measured, ITEMS, System.nanoTime() - start, cpuNanos() - cpu);
        start = System.nanoTime();
        cpu = cpuNanos();
        for (byte[] body : singleBodies) {
            long t = System.nanoTime();
            upsert(store, repository, List.of(body));
            singleFloor.latency(measured, System.nanoTime() - t);
        }
        singleFloor.rate(measured, ITEMS, System.nanoTime() - start, cpuNanos() - cpu);
    }

    private static InboundService service(InMemoryItemRepository repository) {
        return InboundService.builder().integrationObject(IO, TYPES).repository(repository)
                .security(InboundSecurity.builder().user("bench", "bench", InboundSecurity.ADMIN_GROUP).build()).build();
    }

    /** One $batch call: the response body (its parts' status lines tell failures). */
    @FunctionalInterface
    private interface BatchCall {
        String call(byte[] body) throws Exception;
    }

    /**
     * Sends the ids as $batch requests of {@link #BATCH} creates each, their bodies built before the clock starts,
     * and measures them as {@code path}. A full GC first, so that a path does not pay for the garbage of the one
     * before (Olingo's paths leave megabytes).
     */
    private static void batches(Path path, boolean measured, List<String> ids, BatchCall call) throws Exception {
        List<byte[]> bodies = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            bodies.add(batch(ids.subList(from, from + BATCH)).getBytes(StandardCharsets.UTF_8));
        }
        System.gc();
        long start = System.nanoTime();
        long cpu = cpuNanos();
        long thread = THREADS.getCurrentThreadCpuTime();
        for (byte[] body : bodies) {
            long t = System.nanoTime();
            String response = call.call(body);
            path.latency(measured, System.nanoTime() - t);
            if (response.contains("HTTP/1.1 4") || response.contains("HTTP/1.1 5")) {
                throw new IllegalStateException("$batch failed: " + response);
            }
        }
        path.thread(measured, THREADS.getCurrentThreadCpuTime() - thread);
        path.rate(measured, ids.size(), System.nanoTime() - start, cpuNanos() - cpu);
    }

    /** The OData entry of a stored customer, as Olingo's writer takes it. */
    private static Map<String, Object> entry(Object item) {
        Customer c = (Customer) item;
        Map<String, Object> entry = new HashMap<>();
        entry.put("customerId", c.customerId());
        entry.put("email", c.email());
        entry.put("firstName", c.firstName());
        entry.put("lastName", c.lastName());
        return entry;
    }

    /** Whether the heap is fixed, which the figures need (see the class comment). */
    private static String heap() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long mb = 1024 * 1024;
        return heap.getInit() == heap.getMax() ? "heap fixed at " + heap.getMax() / mb + " MB"
                : "HEAP NOT FIXED (" + heap.getInit() / mb + " to " + heap.getMax() / mb
                        + " MB): GC skews the figures, run with -Xms2g -Xmx2g";
    }

    /** The CPU time of the whole process (server, client, GC and compiler threads): robust against a loaded machine. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The floor: Jackson parses each body, the store upserts it, all in one unit of work. */
    private static void upsert(IntegrationObjectStore store, InMemoryItemRepository repository, List<byte[]> bodies) {
        try (UnitOfWork work = repository.begin()) {
            for (byte[] body : bodies) {
                try {
                    store.upsert(work, store.reader().read("Customer", MAPPER.readTree(body)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            work.commit();
        }
    }

    private void print(int rounds, int warmup) {
        System.out.printf("Inbound OData over loopback: %d measured rounds after %d warm-up rounds, %d new customers per path"
                + " and round; server TCP_NODELAY %s; %d processors; %s%n", rounds, warmup, ITEMS,
                "true".equals(System.getProperty("sun.net.httpserver.nodelay")) ? "on" : "off",
                Runtime.getRuntime().availableProcessors(), heap());
        System.out.printf("%-46s %9s %9s %9s %8s %11s %8s %10s %8s  %s%n", "path", "items/s", "p50 ms", "p99 ms", "x floor",
                "CPU us/item", "x floor", "thread us", "x floor", "target");
        row("OData $batch, " + BATCH + " creates per change set", batch, batchFloor, "≥ 5,000 items/s, ≤ 3x floor");
        row("  in process: InboundService.handle, no HTTP", batchInProcess, batchFloor, "");
        row("  Olingo floor: Olingo batch + Jackson + store", olingoFloor, batchFloor, "201 without body");
        row("  Olingo floor + entry written back by Olingo", olingoWriteBack, batchFloor, "201 with entry, as ioflow");
        row("  floor: Jackson + store, units of " + BATCH, batchFloor, null, "");
        row("OData single POST", single, singleFloor, "p99 ≤ 5 ms");
        row("  floor: Jackson + store, one unit per item", singleFloor, null, "");
        System.out.println("(items/s and p50/p99: wall clock; p50/p99 per request, for $batch per request of " + BATCH
                + " items; CPU: process CPU time per item over all measured rounds, with x floor on it: fairer on a loaded machine;"
                + " thread: CPU time of the one thread that runs an in-process path, without GC: the steadiest under load)");
    }

    private static void row(String name, Path path, @Nullable Path floor, String target) {
        String ratio = floor == null ? "" : String.format("%.1f", floor.itemsPerSecond() / path.itemsPerSecond());
        String cpuRatio = floor == null ? "" : String.format("%.1f", path.cpuMicrosPerItem() / floor.cpuMicrosPerItem());
        boolean threaded = path.threadMicrosPerItem() > 0;
        String thread = threaded ? String.format("%.1f", path.threadMicrosPerItem()) : "";
        String threadRatio = threaded && floor != null ? String.format("%.1f", path.threadMicrosPerItem() / floor.threadMicrosPerItem()) : "";
        System.out.printf("%-46s %9.0f %9.2f %9.2f %8s %11.1f %8s %10s %8s  %s%n", name, path.itemsPerSecond(), path.percentile(0.50),
                path.percentile(0.99), ratio, path.cpuMicrosPerItem(), cpuRatio, thread, threadRatio, target);
    }

    private static List<String> ids(String prefix) {
        List<String> ids = new ArrayList<>(ITEMS);
        for (int i = 0; i < ITEMS; i++) {
            ids.add(prefix + i);
        }
        return ids;
    }

    private static String customer(String id) {
        return "{\"customerId\":\"" + id + "\",\"email\":\"" + id + "@example.org\",\"firstName\":\"First\",\"lastName\":\"Last\"}";
    }

    private static String batch(List<String> ids) {
        StringBuilder body = new StringBuilder("--batch\r\nContent-Type: multipart/mixed; boundary=changeset\r\n\r\n");
        for (String id : ids) {
            body.append("--changeset\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n")
                    .append("POST Customers HTTP/1.1\r\nContent-Type: application/json\r\nAccept: application/json\r\n\r\n")
                    .append(customer(id)).append("\r\n");
        }
        return body.append("--changeset--\r\n--batch--\r\n").toString();
    }

    /** The measurements of one path: throughput per round and latency per request. */
    private static final class Path {
        private final List<Double> rates = new ArrayList<>();
        private long cpuNanos;
        private long cpuItems;
        private long threadNanos;
        /** Whether the measuring thread does the path's work (not over HTTP, where server threads do). */
        private final boolean inProcess;
        private final List<Long> latencies = new ArrayList<>();

        Path(boolean inProcess) {
            this.inProcess = inProcess;
        }

        void rate(boolean measured, int items, long nanos, long cpuNanos) {
            if (measured) {
                rates.add(items / (nanos / 1e9));
                this.cpuNanos += cpuNanos;
                cpuItems += items;
            }
        }

        /** CPU time of the measuring thread (in-process paths only, where it does all the work but GC). */
        void thread(boolean measured, long nanos) {
            if (measured && inProcess) {
                threadNanos += nanos;
            }
        }

        /** Per item over all measured rounds, 0 when not measured; blind to GC and load, unlike process CPU. */
        double threadMicrosPerItem() {
            return cpuItems == 0 || !inProcess ? 0 : threadNanos / 1e3 / cpuItems;
        }

        /** Over all measured rounds together: the process CPU clock ticks in 10 ms steps, too coarse for one round. */
        double cpuMicrosPerItem() {
            return cpuNanos / 1e3 / cpuItems;
        }

        void latency(boolean measured, long nanos) {
            if (measured) {
                latencies.add(nanos);
            }
        }

        double itemsPerSecond() {
            return median(rates);
        }

        private static double median(List<Double> values) {
            double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return sorted[sorted.length / 2];
        }

        double percentile(double p) {
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            return sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
        }
    }
}
