package dev.ioflow.benchmarks;

import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.MapTypeSystem;
import dev.ioflow.core.PayloadRenderer;
import dev.ioflow.core.ValueKind;
import dev.ioflow.webhook.spi.DeliveryOutcome;
import dev.ioflow.webhook.spi.DeliveryTarget;
import dev.ioflow.webhook.memory.InMemoryVersionMarkerStore;
import dev.ioflow.webhook.spi.Delivery;
import dev.ioflow.webhook.SyncReport;
import dev.ioflow.webhook.WebhookConfiguration;
import dev.ioflow.webhook.WebhookService;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
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
 * Outbound sync of {@code items} {@code Map} items (1,000,000 by default) of which 1% changed since the last run,
 * with the in-memory outbox and marker store, on one thread. Every item is read from a stream that builds it on
 * the fly (as a database cursor would), so the heap holds the markers rather than the source. Before the first
 * iteration every item is synced and delivered once (to a target that accepts everything), so each measured run
 * finds exactly 1% changed; the changes of one run are delivered before the next (not measured).
 *
 * <p>The score is the time of one full run; after each iteration the benchmark prints items/s, the marker data
 * per tracked key, the peak heap (garbage included: the heap is 2 GiB) and the heap still live after a GC. Targets: at least 200,000 items/s on one core and at most
 * 64 bytes of marker data per key. Quick proof run:
 * {@code java -jar benchmarks/target/benchmarks.jar OutboundSyncBenchmark -f 1 -wi 1 -i 2 -p items=100000}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class OutboundSyncBenchmark {
    private static final IntegrationObject IO_CUSTOMER = IntegrationObject.builder("ioCustomer")
            .item("Customer", item -> item.root()
                    .attribute("customerID", a -> a.unique())
                    .attribute("contactEmail")
                    .attribute("firstName")
                    .attribute("lastName")
                    .attribute("loyaltyPoints"))
            .build();
    private static final MapTypeSystem TYPES = MapTypeSystem.builder()
            .type("Customer", t -> t.attribute("customerID", ValueKind.STRING)
                    .attribute("contactEmail", ValueKind.STRING)
                    .attribute("firstName", ValueKind.STRING)
                    .attribute("lastName", ValueKind.STRING)
                    .attribute("loyaltyPoints", ValueKind.INTEGER))
            .discriminator("itemtype")
            .build();
    private static final int CHUNK = 50_000;

    @Param("1000000")
    public int items;

    private WebhookService service;
    private InMemoryVersionMarkerStore markers;
    /** Round r changes the items with {@code i % 100 == r % 100}: 1% of them. */
    private int round;
    private SyncReport last;

    @Setup(Level.Trial)
    public void syncEverythingOnce() {
        markers = new InMemoryVersionMarkerStore();
        DeliveryTarget acceptAll = new DeliveryTarget() {
            @Override
            public List<DeliveryOutcome> deliver(List<Delivery> batch) {
                return Collections.nCopies(batch.size(), DeliveryOutcome.delivered(200, ""));
            }

            @Override
            public int maxBatchSize() {
                return 1000;
            }
        };
        service = WebhookService.builder()
                .markers(markers)
                .claimSize(10_000)
                .webhook(WebhookConfiguration.builder(PayloadRenderer.of(IO_CUSTOMER, TYPES), "crm").target(acceptAll).build())
                .build();
        for (int from = 0; from < items; from += CHUNK) {
            service.sync(items(from, Math.min(items, from + CHUNK)));
            deliverAll();
        }
    }

    @Setup(Level.Invocation)
    public void nextRound() {
        deliverAll();
        round++;
    }

    @Benchmark
    public SyncReport sync() {
        last = service.sync(items(0, items));
        return last;
    }

    @TearDown(Level.Iteration)
    public void report() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.gc();
        long retained = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        double seconds = last.duration().toNanos() / 1e9;
        System.out.printf("%n  %s: %.0f items/s; %d markers, %.1f bytes of marker data per key;"
                        + " peak heap %d MiB (garbage included), %d MiB live after GC%n",
                last, last.seen() / seconds, markers.size(), markers.dataBytes() / (double) markers.size(),
                peak >> 20, retained >> 20);
    }

    @TearDown(Level.Trial)
    public void close() {
        service.close();
    }

    private void deliverAll() {
        while (service.deliverDue() > 0) {
            // until the outbox is empty
        }
    }

    private Stream<Map<String, Object>> items(int from, int to) {
        int r = round;
        return IntStream.range(from, to).mapToObj(i -> {
            int slot = i % 100;
            int version = r < slot ? 0 : (r - slot) / 100 + 1;
            return Map.of("itemtype", "Customer",
                    "customerID", "c" + i,
                    "contactEmail", "c" + i + "." + version + "@example.com",
                    "firstName", "First" + (i % 1000),
                    "lastName", "Last" + (i % 977),
                    "loyaltyPoints", i % 5000);
        });
    }
}
