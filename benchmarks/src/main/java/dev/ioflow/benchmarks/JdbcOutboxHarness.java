package dev.ioflow.benchmarks;

import dev.ioflow.core.PayloadHash;
import dev.ioflow.webhook.ChangeType;
import dev.ioflow.webhook.internal.jdbc.OutboxSql;
import dev.ioflow.webhook.jdbc.JdbcOutbox;
import dev.ioflow.webhook.jdbc.JdbcVersionMarkerStore;
import dev.ioflow.webhook.memory.InMemoryOutbox;
import dev.ioflow.webhook.memory.InMemoryVersionMarkerStore;
import dev.ioflow.webhook.spi.Outbox;
import dev.ioflow.webhook.spi.OutboxEntry;
import dev.ioflow.webhook.spi.Settlement;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A short harness for the JDBC outbox against a real database (not run by {@code mvn verify}). One command prints
 * one table: the database's commit (fsync) rate, durable append in chunks of 1,000 (what {@code saved(collection)}
 * does with a large collection, and the loader; once in the cold JVM, then measured), one append per call from 4 threads, one {@code saved(item)} per call
 * from 4 threads through a webhook service (its reads of live changes and markers included), claim+renew+settle passes, claim latency at
 * 1,000, 100,000 and 1,000,000 live entries, and end to end (10,000 customer saves, 4 delivery threads, a loopback
 * sink answering 200) with the in-memory outbox and with this database's outbox side by side. Run:
 * <pre>{@code
 * mvn -B -q -o package -pl benchmarks -am -DskipTests -Djapicmp.skip
 * java -cp benchmarks/target/benchmarks.jar dev.ioflow.benchmarks.JdbcOutboxHarness \
 *     'jdbc:postgresql://127.0.0.1:55432/ioflow_b?user=postgres' [changes=10000] [largest backlog=1000000] [explain]
 * }</pre>
 * The tables use the prefixes {@code bench_} and {@code bench_small_} and are dropped first. Claim latency alternates
 * between a 1,000-entry outbox and the growing one (so that load bursts weigh on both alike), and each claim's
 * entries are replaced by fresh ones, so that the backlog stays at its size. With {@code explain} (PostgreSQL), the
 * claim's {@code EXPLAIN (ANALYZE, BUFFERS)} is printed at 1,000 and at the largest backlog. An {@code jdbc:h2:file:} URL
 * also prints the database file's size.
 */
public final class JdbcOutboxHarness {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private JdbcOutboxHarness() {
    }

    public static void main(String[] args) throws Exception {
        // the loopback sink answers without Nagle's delay, as a production receiver behind a proxy would
        System.setProperty("sun.net.httpserver.nodelay", "true");
        String url = args[0];
        int changes = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int largest = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        boolean explain = args.length > 3 && args[3].equals("explain");
        boolean postgres = url.startsWith("jdbc:postgresql:");
        DataSource ds = new Ds(url);
        PrintWriter out = new PrintWriter(System.out, true);
        long started = System.nanoTime();
        if (postgres) {
            out.printf("synchronous_commit = %s%n", show(ds, "synchronous_commit"));
            out.printf("%-44s %,12.0f commits/s%n", "commit rate (1-row INSERT, autocommit)", commitRate(ds));
        }

        // The first chunked append runs in a cold JVM (interpreted code, new connections, nothing prepared yet);
        // the figure that the target is about is the next one, on a fresh table again, as a running system's.
        int chunked = Math.max(changes, 20_000);
        out.printf("%-44s %,12.0f changes/s%n", "append, chunks of 1000 (first, cold JVM)",
                appendChunks(fresh(ds), chunked, 1000, "c"));
        Outbox outbox = fresh(ds);
        out.printf("%-44s %,12.0f changes/s%n", "append, chunks of 1000 (saved(collection))",
                appendChunks(outbox, chunked, 1000, "a"));

        int singles = Math.min(changes, 4_000);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        // Each single-call measure runs twice: on a table created just now, whose statistics still say "empty"
        // (PostgreSQL may keep a generic plan made then, until autovacuum analyzes the table), and in the steady
        // state of a running system, after the warm-up round and an ANALYZE of the tables.
        for (boolean analyzed : new boolean[] {false, true}) {
            String state = analyzed ? "analyzed" : "fresh table";
            outbox = fresh(ds);
            singleAppends(outbox, pool, singles, "w"); // warm-up round (JIT, server-side prepared statements)
            if (analyzed && postgres) {
                analyze(ds, "bench_outbox");
            }
            long t = System.nanoTime();
            singleAppends(outbox, pool, singles, "s");
            out.printf("%-44s %,12.0f changes/s%n", "append, 1 per call, 4 threads (" + state + ")",
                    singles / seconds(t));
            Outbox saves = fresh(ds);
            Runnable afterWarmUp = () -> {
                if (analyzed && postgres) {
                    analyze(ds, "bench_outbox");
                    analyze(ds, "bench_version_marker");
                }
            };
            out.printf("%-44s %,12.0f changes/s%n", "saved(item), 1 per call, 4 thr. (" + state + ")",
                    SingleSavesRun.savesPerSecond(saves, JdbcVersionMarkerStore.builder().dataSource(ds)
                            .tablePrefix("bench_").build(), pool, 4, singles, afterWarmUp));
        }

        outbox = fresh(ds);
        appendChunks(outbox, changes, 1000, "f");
        long t = System.nanoTime();
        AtomicInteger settled = new AtomicInteger();
        Outbox passes = outbox;
        List<Future<?>> done = new ArrayList<>();
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
        out.printf("%-44s %,12.0f changes/s%n", "claim 64 + renew + settle, 4 threads", settled.get() / seconds(t));
        pool.shutdown();

        // a small outbox beside the growing one; claims alternate between them, so that the machine's load
        // weighs on both sizes alike, and each claim's entries are replaced, so that the sizes stay put
        Outbox small = fresh(ds, "bench_small_");
        appendChunks(small, 1_000, 1000, "small-");
        outbox = fresh(ds);
        int live = 0;
        for (int backlog : java.util.stream.IntStream.of(100_000, largest).sorted().distinct().toArray()) {
            double rate = appendChunks(outbox, backlog - live, 1000, "b" + backlog + "-");
            out.printf("%-44s %,12.0f changes/s%n", "append, chunks of 1000 (loading " + (backlog - live) + ")",
                    rate);
            live = backlog;
            if (postgres) {
                analyze(ds, "bench_small_outbox");
                analyze(ds, "bench_outbox");
            }
            if (explain && postgres && backlog == largest) {
                out.printf("EXPLAIN (ANALYZE, BUFFERS) of the claim at 1,000 live:%n%s",
                        explainClaim(ds, "bench_small_outbox"));
                out.printf("EXPLAIN (ANALYZE, BUFFERS) of the claim at %,d live:%n%s", backlog,
                        explainClaim(ds, "bench_outbox"));
            }
            double[] medians = claimLatencies(small, outbox);
            out.printf("%-44s %12.2f ms%n", "claim of 64, median, 1,000 live", medians[0]);
            out.printf("%-44s %12.2f ms (%.1fx the 1,000)%n", String.format("claim of 64, median, %,d live",
                    backlog), medians[1], medians[1] / medians[0]);
        }
        if (url.startsWith("jdbc:h2:file:")) {
            String file = url.substring("jdbc:h2:file:".length()).split(";")[0] + ".mv.db";
            out.printf("H2 file size: %,d bytes%n", Files.size(Path.of(file)));
        }

        // end to end: one warm-up round each (JIT, connections), then 3 rounds alternating; medians
        String label = String.format("end to end, %,d changes, 4 threads", changes);
        double[] memory = new double[3];
        double[] database = new double[3];
        for (int round = 0; round <= 3; round++) {
            double m = EndToEndOutboxRun.changesPerSecond(new InMemoryOutbox(), new InMemoryVersionMarkerStore(),
                    changes, 4, round);
            fresh(ds);
            JdbcVersionMarkerStore markers = JdbcVersionMarkerStore.builder().dataSource(ds).tablePrefix("bench_")
                    .build();
            Outbox durable = JdbcOutbox.builder().dataSource(ds).tablePrefix("bench_").build();
            double d = EndToEndOutboxRun.changesPerSecond(durable, markers, changes, 4, round);
            if (round > 0) {
                memory[round - 1] = m;
                database[round - 1] = d;
            }
        }
        java.util.Arrays.sort(memory);
        java.util.Arrays.sort(database);
        out.printf("%-44s %,12.0f changes/s in memory (median of 3)%n", label, memory[1]);
        out.printf("%-44s %,12.0f changes/s in %s (median of 3; %.0f%% of in memory)%n", label, database[1],
                postgres ? "PostgreSQL" : "H2", 100 * database[1] / memory[1]);
        out.printf("total harness time %.0f s%n", seconds(started));
    }

    /** Appends {@code n} fresh entries one per call from the pool's 4 threads (group commit joins them). */
    private static void singleAppends(Outbox outbox, ExecutorService pool, int n, String keyPrefix)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            done.add(pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < n; ) {
                    outbox.append(List.of(entry(keyPrefix + i)));
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
    }

    /** Appends {@code n} fresh entries in chunks; returns changes per second. */
    static double appendChunks(Outbox outbox, int n, int chunkSize, String keyPrefix) {
        long t = System.nanoTime();
        List<OutboxEntry> chunk = new ArrayList<>(chunkSize);
        for (int i = 0; i < n; i++) {
            chunk.add(entry(keyPrefix + i));
            if (chunk.size() == chunkSize) {
                outbox.append(chunk);
                chunk = new ArrayList<>(chunkSize);
            }
        }
        if (!chunk.isEmpty()) {
            outbox.append(chunk);
        }
        return n / seconds(t);
    }

    /** Single-row autocommitted inserts for 2 s: the commits per second the database's disk allows. */
    private static double commitRate(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_commit");
            s.execute("CREATE TABLE bench_commit (n INT)");
            int commits = 0;
            long t = System.nanoTime();
            while (System.nanoTime() - t < 2_000_000_000L) {
                s.execute("INSERT INTO bench_commit VALUES (1)");
                commits++;
            }
            double rate = commits / seconds(t);
            s.execute("DROP TABLE bench_commit");
            return rate;
        }
    }

    private static String show(DataSource ds, String setting) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet row = s.executeQuery("SHOW " + setting)) {
            row.next();
            return row.getString(1);
        }
    }

    private static void analyze(DataSource ds, String table) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("ANALYZE " + table);
        } catch (SQLException e) {
            throw new IllegalStateException("ANALYZE " + table, e);
        }
    }

    /** The claim statement's plan, run for real and rolled back. */
    private static String explainClaim(DataSource ds, String table) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) "
                    + new OutboxSql(table).claimDue())) {
                OffsetDateTime now = OffsetDateTime.ofInstant(T0, ZoneOffset.UTC);
                s.setObject(1, now);
                s.setInt(2, 64);
                s.setObject(3, now);
                s.setInt(4, 64);
                s.setInt(5, 64);
                s.setString(6, "explain");
                s.setLong(7, 1);
                s.setObject(8, now.plusSeconds(30));
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        plan.append("    ").append(rows.getString(1)).append('\n');
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
        return plan.toString();
    }

    /**
     * Medians of 31 claims of 64 due entries from each outbox, alternating; each claim's entries are completed and
     * as many fresh ones appended, outside the timing.
     */
    static double[] claimLatencies(Outbox... outboxes) {
        double[][] ms = new double[outboxes.length][31];
        for (int i = 0; i < 31; i++) {
            for (int o = 0; o < outboxes.length; o++) {
                long t = System.nanoTime();
                List<OutboxEntry> claimed = outboxes[o].claim(64, T0, Duration.ofSeconds(30), "latency");
                ms[o][i] = (System.nanoTime() - t) / 1e6;
                outboxes[o].settle(claimed.stream().map(Settlement::completed).toList());
                appendChunks(outboxes[o], claimed.size(), 64, "refill-" + o + "-" + i + "-");
            }
        }
        double[] medians = new double[outboxes.length];
        for (int o = 0; o < outboxes.length; o++) {
            java.util.Arrays.sort(ms[o]);
            medians[o] = ms[o][ms[o].length / 2];
        }
        return medians;
    }

    private static Outbox fresh(DataSource ds) throws SQLException {
        return fresh(ds, "bench_");
    }

    private static Outbox fresh(DataSource ds, String prefix) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String table : List.of("outbox", "outbox_lock", "version_marker", "schema_version")) {
                s.execute("DROP TABLE IF EXISTS " + prefix + table);
            }
        }
        return JdbcOutbox.builder().dataSource(ds).tablePrefix(prefix).createSchema(true).build();
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
