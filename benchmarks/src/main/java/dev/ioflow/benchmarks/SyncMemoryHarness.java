package dev.ioflow.benchmarks;

import dev.ioflow.core.PayloadHash;
import dev.ioflow.webhook.jdbc.JdbcSyncMemoryStore;
import dev.ioflow.webhook.spi.SyncMemoryStore;
import dev.ioflow.webhook.spi.SyncedItem;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A short harness for the JDBC sync memory's cost per outbound-sync run over {@code keys} items (1,000,000 by
 * default), against a real database, on one connection (not run by {@code mvn verify}): the first run remembers every
 * item, the second finds them all unchanged (touch only), the third misses 1% of them (touch 99%, then read and forget
 * the missing ones, as the deletes are queued). The store is called as the sync calls it, in chunks of 512. Run:
 * <pre>{@code
 * mvn -B -q package -pl benchmarks -am -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.ioflow.benchmarks.SyncMemoryHarness \
 *     'jdbc:postgresql://127.0.0.1:55432/ioflow_a?user=postgres' 1000000
 * }</pre>
 * The table uses the prefix {@code bench_} and is dropped first. Delta detection and the outbox are not included.
 */
public final class SyncMemoryHarness {
    private static final int CHUNK = 512;

    private SyncMemoryHarness() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int keys = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Connection connection = DriverManager.getConnection(url);
        try (Statement s = connection.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_sync_memory");
        }
        SyncMemoryStore store = JdbcSyncMemoryStore.builder().dataSource(oneConnection(connection))
                .tablePrefix("bench_").createSchema(true).build();

        System.out.printf("%-44s %10s %9s %12s%n", "phase (" + url.replaceAll("\\?.*", "") + ")", "items", "s",
                "items/s");
        long run = store.beginRun("wh");
        long t = System.nanoTime();
        for (int from = 0; from < keys; from += CHUNK) {
            List<SyncedItem> chunk = new ArrayList<>(CHUNK);
            for (int i = from; i < Math.min(keys, from + CHUNK); i++) {
                chunk.add(item(i));
            }
            store.remember("wh", run, chunk);
        }
        row("first run: remember every item", keys, t);

        run = store.beginRun("wh");
        t = System.nanoTime();
        touchAll(store, run, keys, 0);
        row("second run, all unchanged: touch", keys, t);

        run = store.beginRun("wh");
        t = System.nanoTime();
        touchAll(store, run, keys, 100);
        long missing = 0;
        List<SyncedItem> gone;
        while (!(gone = store.missing("wh", run, CHUNK)).isEmpty()) {
            store.forget("wh", gone.stream().map(SyncedItem::integrationKey).toList());
            missing += gone.size();
        }
        row("third run, 1% gone: touch 99%, read+forget " + missing, keys, t);
        connection.close();
    }

    /** Touches every key but those with {@code i % skipEvery == 0} (none when 0). */
    private static void touchAll(SyncMemoryStore store, long run, int keys, int skipEvery) {
        for (int from = 0; from < keys; from += CHUNK) {
            List<String> chunk = new ArrayList<>(CHUNK);
            for (int i = from; i < Math.min(keys, from + CHUNK); i++) {
                if (skipEvery == 0 || i % skipEvery != 0) {
                    chunk.add("p" + i);
                }
            }
            if (!store.touch("wh", run, chunk).isEmpty()) {
                throw new IllegalStateException("the store forgot items it was given");
            }
        }
    }

    private static SyncedItem item(int i) {
        String key = "p" + i;
        byte[] payload = ("{\"code\":\"" + key + "\",\"name\":\"a product with a name of some length\"}")
                .getBytes(StandardCharsets.UTF_8);
        return new SyncedItem(key, new PayloadHash(i, key.hashCode()), payload);
    }

    private static void row(String phase, int items, long start) {
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-44s %10d %9.1f %12.0f%n", phase, items, seconds, items / seconds);
    }

    /** A data source handing out the one connection (single-threaded use; closing it is ignored). */
    private static DataSource oneConnection(Connection connection) {
        Connection kept = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, arguments) ->
                        method.getName().equals("close") ? null : call(method, connection, arguments));
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("getConnection")) {
                        return kept;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Object call(Method method, Object target, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
