package dev.ioflow.benchmarks;

import com.sun.net.httpserver.HttpServer;
import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.MapTypeSystem;
import dev.ioflow.core.PayloadRenderer;
import dev.ioflow.destinations.ConsumedDestination;
import dev.ioflow.destinations.DestinationClient;
import dev.ioflow.destinations.DestinationRegistry;
import dev.ioflow.webhook.WebhookConfiguration;
import dev.ioflow.webhook.WebhookService;
import dev.ioflow.webhook.jdbc.JdbcOutbox;
import dev.ioflow.webhook.jdbc.JdbcVersionMarkerStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The H2 file outbox end to end (not run by {@code mvn verify}): pushes N customer changes through a
 * {@link WebhookService} over a {@link JdbcOutbox} and {@link JdbcVersionMarkerStore} in one H2 file (4 delivery
 * threads, a loopback sink answering 200), with the URL options given, and prints changes/s, the database file's
 * peak size during the run, its size at the end and after closing, and MVStore's chunk fill rate. Then the claim
 * latency at growing backlogs. Run:
 * <pre>{@code
 * mvn -B -q package -pl benchmarks -am -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.ioflow.benchmarks.H2FileOutboxHarness 5000,20000 1000,10000,100000
 * }</pre>
 * Arguments: change counts (default 5000,20000), backlogs for the claim latency (default 1000,10000; empty:
 * skipped), then URL option strings (default, side by side: the old advice {@code ;WRITE_DELAY=0}, the previous
 * {@code ;WRITE_DELAY=0;RETENTION_TIME=0}, and the README's {@code ;RETENTION_TIME=0}, with which the stores run
 * {@code CHECKPOINT} after each commit).
 */
public final class H2FileOutboxHarness {
    private static final IntegrationObject IO_CUSTOMER = IntegrationObject.builder("ioCustomer")
            .item("Customer", item -> item.root().attribute("customerID", a -> a.unique()).attribute("name")
                    .attribute("email"))
            .build();
    private static final int THREADS = 4;
    private static final int CHUNK = 100;

    private H2FileOutboxHarness() {
    }

    public static void main(String[] args) throws Exception {
        int[] counts = numbers(args.length > 0 ? args[0] : "5000,20000");
        int[] backlogs = numbers(args.length > 1 ? args[1] : "1000,10000");
        List<String> options = args.length > 2 ? Arrays.asList(args).subList(2, args.length)
                : List.of(";WRITE_DELAY=0", ";WRITE_DELAY=0;RETENTION_TIME=0", ";RETENTION_TIME=0");
        PrintWriter out = new PrintWriter(System.out, true);
        out.printf("%-40s %8s %8s %10s %10s %10s %10s %s%n", "URL options", "changes", "seconds", "changes/s",
                "peak MB", "end MB", "closed MB", "fill (file/chunks)");
        for (String option : options) {
            for (int count : counts) {
                run(option, count, out);
            }
        }
        for (String option : options) {
            for (int backlog : backlogs) {
                Path directory = Files.createTempDirectory("ioflow-h2-claims");
                String url = "jdbc:h2:file:" + directory.resolve("outbox") + option;
                JdbcConnectionPool pool = JdbcConnectionPool.create(url, "", "");
                try {
                    JdbcOutbox outbox = JdbcOutbox.builder().dataSource(pool).createSchema(true).build();
                    JdbcOutboxHarness.appendChunks(outbox, backlog, 1000, "f");
                    out.printf("%-40s claim of 64 at %,9d live: %8.2f ms median%n", option, backlog,
                            JdbcOutboxHarness.claimLatencies(outbox)[0]);
                } finally {
                    pool.dispose();
                    deleteAll(directory);
                }
            }
        }
    }

    private static void run(String option, int count, PrintWriter out) throws Exception {
        Path directory = Files.createTempDirectory("ioflow-h2-outbox");
        Path file = directory.resolve("outbox.mv.db");
        String url = "jdbc:h2:file:" + directory.resolve("outbox") + option;
        AtomicLong received = new AtomicLong();
        ExecutorService sinkThreads = Executors.newFixedThreadPool(THREADS);
        HttpServer sink = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        sink.createContext("/hooks", exchange -> EndToEndOutboxRun.answer(exchange, received));
        sink.setExecutor(sinkThreads);
        sink.start();
        AtomicLong peak = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(size(file), Math::max), 0, 100,
                TimeUnit.MILLISECONDS);
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "", "");
        pool.setMaxConnections(THREADS * 4);
        try {
            DestinationRegistry registry = DestinationRegistry.builder()
                    .add(ConsumedDestination.builder("sink", "http://127.0.0.1:" + sink.getAddress().getPort()
                            + "/hooks").build())
                    .build();
            WebhookService service = WebhookService.builder()
                    .outbox(JdbcOutbox.builder().dataSource(pool).createSchema(true).build())
                    .markers(JdbcVersionMarkerStore.builder().dataSource(pool).createSchema(true).build())
                    .destinations(DestinationClient.builder().registry(registry).build())
                    .webhook(WebhookConfiguration.builder(
                            PayloadRenderer.of(IO_CUSTOMER, MapTypeSystem.derivedFrom(IO_CUSTOMER)), "sink").build())
                    .threads(THREADS)
                    .pollInterval(Duration.ofMillis(20))
                    .build();
            service.start();
            long start = System.nanoTime();
            for (int i = 0; i < count; i += CHUNK) {
                List<Map<String, Object>> items = new ArrayList<>(CHUNK);
                for (int j = i; j < Math.min(count, i + CHUNK); j++) {
                    items.add(Map.of("customerID", "c-" + j, "name", "Customer number " + j,
                            "email", "customer." + j + "@example.com"));
                }
                service.saved(items);
            }
            if (!service.awaitIdle(Duration.ofMinutes(30))) {
                throw new IllegalStateException("not idle after 30 minutes: " + received.get() + " received");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long end = size(file);
            String fill = fillRates(pool);
            service.close();
            pool.dispose();
            sampler.shutdownNow();
            out.printf("%-40s %,8d %8.1f %,10.0f %,10.1f %,10.1f %,10.1f %s%n", option, count, seconds,
                    count / seconds, mb(Math.max(peak.get(), end)), mb(end), mb(size(file)), fill);
        } finally {
            sampler.shutdownNow();
            pool.dispose();
            sink.stop(0);
            sinkThreads.shutdownNow();
            deleteAll(directory);
        }
    }

    /** MVStore's fill rates: of the file, and of the chunks (live bytes in the chunks written). */
    private static String fillRates(JdbcConnectionPool pool) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM "
                     + "INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME IN ('info.FILL_RATE', 'info.CHUNKS_FILL_RATE',"
                     + " 'info.CHUNK_COUNT') ORDER BY SETTING_NAME")) {
            StringBuilder text = new StringBuilder();
            while (rows.next()) {
                text.append(rows.getString(1).substring(5)).append('=').append(rows.getString(2)).append(' ');
            }
            return text.toString().strip();
        }
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    private static int[] numbers(String list) {
        return list.isBlank() ? new int[0] : Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    private static void deleteAll(Path directory) throws IOException {
        try (var files = Files.walk(directory)) {
            for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
