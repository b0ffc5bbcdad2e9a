package dev.ioflow.benchmarks;

import dev.ioflow.core.PayloadHash;
import dev.ioflow.webhook.ChangeType;
import dev.ioflow.webhook.jdbc.JdbcOutbox;
import dev.ioflow.webhook.spi.Outbox;
import dev.ioflow.webhook.spi.OutboxEntry;
import dev.ioflow.webhook.spi.Settlement;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A short harness for the JDBC outbox's own costs, against a real database (not run by {@code mvn verify}):
 * durable append in chunks of 64, one append per call from 4 threads, claim latency at a small and a large
 * backlog, and claim-settle passes end to end (4 threads, 64 per claim). Run:
 * <pre>{@code
 * mvn -B -q package -pl benchmarks -am -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.ioflow.benchmarks.JdbcOutboxHarness \
 *     'jdbc:postgresql://127.0.0.1:55432/ioflow_a?user=postgres' 10000 100000
 * }</pre>
 * The tables use the prefix {@code bench_} and are dropped first. An {@code jdbc:h2:file:} URL also prints the
 * database file's size.
 */
public final class JdbcOutboxHarness {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private JdbcOutboxHarness() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int changes = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int bigBacklog = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        DataSource ds = new Ds(url);
        PrintWriter out = new PrintWriter(System.out, true);

        Outbox outbox = fresh(ds);
        long t = System.nanoTime();
        for (int i = 0; i < changes; i += 64) {
            List<OutboxEntry> chunk = new ArrayList<>(64);
            for (int j = i; j < Math.min(changes, i + 64); j++) {
                chunk.add(entry("k" + j));
            }
            outbox.append(chunk);
        }
        out.printf("append, chunks of 64:        %,10.0f changes/s%n", changes / seconds(t));

        outbox = fresh(ds);
        Outbox shared = outbox;
        AtomicInteger next = new AtomicInteger();
        int singles = Math.min(changes, 4_000);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        t = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            done.add(pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < singles; ) {
                    shared.append(List.of(entry("s" + i)));
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        out.printf("append, 1 per call, 4 thr:   %,10.0f changes/s%n", singles / seconds(t));

        outbox = fresh(ds);
        fill(outbox, changes);
        t = System.nanoTime();
        AtomicInteger settled = new AtomicInteger();
        Outbox passes = outbox;
        done.clear();
        for (int w = 0; w < 4; w++) {
            int worker = w;
            done.add(pool.submit(() -> {
                List<OutboxEntry> claimed;
                while (!(claimed = passes.claim(64, T0, Duration.ofSeconds(30), "w" + worker)).isEmpty()) {
                    passes.renew(claimed, T0.plusSeconds(60));
                    passes.settle(claimed.stream().map(Settlement::completed).toList());
                    settled.addAndGet(claimed.size());
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        out.printf("claim+renew+settle, 4 thr:   %,10.0f changes/s (%d settled)%n", settled.get() / seconds(t),
                settled.get());

        for (int backlog : new int[] {1_000, bigBacklog}) {
            outbox = fresh(ds);
            fill(outbox, backlog);
            out.printf("claim of 64 at %,9d live: %8.2f ms median%n", backlog, claimLatency(outbox));
        }
        pool.shutdown();
        if (url.startsWith("jdbc:h2:file:")) {
            String file = url.substring("jdbc:h2:file:".length()).split(";")[0] + ".mv.db";
            out.printf("H2 file size: %,d bytes%n", Files.size(Path.of(file)));
        }
    }

    /** Median of 21 claims of 64 due entries (each completed right after, outside the timing). */
    static double claimLatency(Outbox outbox) {
        double[] ms = new double[21];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            List<OutboxEntry> claimed = outbox.claim(64, T0, Duration.ofSeconds(30), "latency");
            ms[i] = (System.nanoTime() - t) / 1e6;
            outbox.settle(claimed.stream().map(Settlement::completed).toList());
        }
        java.util.Arrays.sort(ms);
        return ms[ms.length / 2];
    }

    static void fill(Outbox outbox, int n) {
        List<OutboxEntry> chunk = new ArrayList<>(1000);
        for (int i = 0; i < n; i++) {
            chunk.add(entry("f" + i));
            if (chunk.size() == 1000) {
                outbox.append(chunk);
                chunk = new ArrayList<>(1000);
            }
        }
        if (!chunk.isEmpty()) {
            outbox.append(chunk);
        }
    }

    private static Outbox fresh(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_outbox");
            s.execute("DROP TABLE IF EXISTS bench_outbox_lock");
            s.execute("DROP TABLE IF EXISTS bench_version_marker");
        }
        return JdbcOutbox.builder().dataSource(ds).tablePrefix("bench_").createSchema(true).build();
    }

    private static OutboxEntry entry(String key) {
        byte[] payload = ("{\"code\":\"" + key + "\",\"name\":\"a product with a name of some length\"}")
                .getBytes(StandardCharsets.UTF_8);
        return OutboxEntry.builder().messageId("m-" + key).webhookId("wh").integrationObject("ioProduct")
                .destinationId("crm").integrationKey(key).changeType(ChangeType.SAVED).payload(payload)
                .payloadHash(new PayloadHash(key.hashCode(), 1)).createdAt(T0).build();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** A data source over a URL with a tiny pool (closing a connection returns it). */
    private record Ds(String url, java.util.concurrent.LinkedBlockingQueue<Connection> idle) implements DataSource {
        Ds(String url) {
            this(url, new java.util.concurrent.LinkedBlockingQueue<>());
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection real = idle.poll();
            if (real == null) {
                real = DriverManager.getConnection(url);
            }
            Connection pooled = real;
            return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, arguments) -> {
                        if (method.getName().equals("close")) {
                            idle.add(pooled);
                            return null;
                        }
                        try {
                            return method.invoke(pooled, arguments);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
