package dev.ioflow.webhook.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioflow.core.PayloadHash;
import dev.ioflow.webhook.ChangeType;
import dev.ioflow.webhook.JdbcOutbox;
import dev.ioflow.webhook.OutboxEntry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two application instances (two {@link JdbcOutbox} objects with their own connections) drain one table from
 * parallel threads: every entry is claimed exactly once.
 */
abstract class ConcurrentClaimContract {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final int ENTRIES = 400;
    private static final int THREADS_PER_INSTANCE = 2;

    private final String prefix = TestDatabases.uniquePrefix();

    /** A data source for one application instance; each call may return a new one for the same database. */
    protected abstract DataSource dataSource();

    @AfterEach
    void dropTables() {
        TestDatabases.dropTables(dataSource(), prefix);
    }

    @Test
    void twoInstancesClaimingInParallelNeverGetTheSameEntry() throws Exception {
        JdbcOutbox instanceA = JdbcOutbox.builder().dataSource(dataSource()).tablePrefix(prefix).createSchema(true)
                .build();
        JdbcOutbox instanceB = JdbcOutbox.builder().dataSource(dataSource()).tablePrefix(prefix).build();
        instanceA.append(IntStream.range(0, ENTRIES).mapToObj(ConcurrentClaimContract::entry).toList());

        Map<Long, String> owners = new ConcurrentHashMap<>();
        List<String> doubleClaims = new CopyOnWriteArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2 * THREADS_PER_INSTANCE);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < THREADS_PER_INSTANCE; i++) {
                workers.add(threads.submit(() -> drain(instanceA, "a", start, owners, doubleClaims)));
                workers.add(threads.submit(() -> drain(instanceB, "b", start, owners, doubleClaims)));
            }
            start.countDown();
            for (Future<?> worker : workers) {
                worker.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(doubleClaims).isEmpty();
        assertThat(owners).hasSize(ENTRIES);
        assertThat(instanceA.liveCount()).isZero();
    }

    private static Void drain(JdbcOutbox outbox, String instance, CountDownLatch start, Map<Long, String> owners,
                              List<String> doubleClaims) throws InterruptedException {
        start.await();
        String owner = instance + "-" + Thread.currentThread().getName();
        List<OutboxEntry> batch;
        while (!(batch = outbox.claim(7, T0, Duration.ofMinutes(10), owner)).isEmpty()) {
            for (OutboxEntry entry : batch) {
                String previous = owners.putIfAbsent(entry.id(), owner);
                if (previous != null) {
                    doubleClaims.add(entry.id() + " by " + previous + " and " + owner);
                }
                outbox.complete(entry.id());
            }
        }
        return null;
    }

    private static OutboxEntry entry(int n) {
        return new OutboxEntry(0, "msg-" + n, "wh", "ioCustomer", "crm", "c-" + n, ChangeType.SAVED,
                ("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8), new PayloadHash(n, n), T0, 0, T0, null);
    }
}
