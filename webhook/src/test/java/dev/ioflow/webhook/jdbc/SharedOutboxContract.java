package dev.ioflow.webhook.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioflow.core.PayloadHash;
import dev.ioflow.webhook.ChangeType;
import dev.ioflow.webhook.jdbc.JdbcOutbox;
import dev.ioflow.webhook.spi.OutboxEntry;
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
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two application instances (two {@link JdbcOutbox} objects with their own connections) share one table from
 * parallel threads: every entry is claimed exactly once, a key's next change only after the one before it, and
 * appends replacing the same keys do not deadlock.
 */
abstract class SharedOutboxContract {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final int ENTRIES = 200;
    private static final int THREADS_PER_INSTANCE = 2;
    private static final int KEYS = 60;

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
        instanceA.append(IntStream.range(0, ENTRIES).mapToObj(SharedOutboxContract::entry).toList());

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
                outbox.complete(entry);
            }
        }
        return null;
    }

    @Test
    void aKeysNextChangeIsClaimedOnlyAfterItsChangeInFlightIsDone() throws Exception {
        JdbcOutbox instanceA = JdbcOutbox.builder().dataSource(dataSource()).tablePrefix(prefix).createSchema(true)
                .build();
        JdbcOutbox instanceB = JdbcOutbox.builder().dataSource(dataSource()).tablePrefix(prefix).build();
        instanceA.append(IntStream.range(0, KEYS).mapToObj(n -> entry("c-" + n, "first")).toList());
        List<OutboxEntry> inFlight = instanceA.claim(KEYS, T0, Duration.ofMinutes(10), "setup");
        instanceA.append(IntStream.range(0, KEYS).mapToObj(n -> entry("c-" + n, "second")).toList());

        AtomicLong sequence = new AtomicLong();
        Map<String, Long> firstDone = new ConcurrentHashMap<>();
        Map<String, Long> secondClaimed = new ConcurrentHashMap<>();
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            Future<?> completer = threads.submit(() -> {
                for (int i = inFlight.size() - 1; i >= 0; i--) {
                    OutboxEntry first = inFlight.get(i);
                    firstDone.put(first.integrationKey(), sequence.incrementAndGet());
                    instanceA.complete(first);
                }
                return null;
            });
            Future<?> workerA = threads.submit(() -> claimSeconds(instanceA, "a", sequence, secondClaimed));
            Future<?> workerB = threads.submit(() -> claimSeconds(instanceB, "b", sequence, secondClaimed));
            for (Future<?> task : List.of(completer, workerA, workerB)) {
                task.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(secondClaimed).hasSize(KEYS).allSatisfy((key, claimedAt) ->
                assertThat(claimedAt).as(key).isGreaterThan(firstDone.get(key)));
    }

    @Test
    void appendsReplacingTheSameKeysInOppositeOrdersDoNotDeadlock() throws Exception {
        JdbcOutbox instanceA = JdbcOutbox.builder().dataSource(dataSource()).tablePrefix(prefix).createSchema(true)
                .build();
        JdbcOutbox instanceB = JdbcOutbox.builder().dataSource(dataSource()).tablePrefix(prefix).build();
        List<OutboxEntry> forward = IntStream.range(0, KEYS).mapToObj(n -> entry("c-" + n, "v")).toList();
        List<OutboxEntry> backward = IntStream.range(0, KEYS).mapToObj(n -> entry("c-" + (KEYS - 1 - n), "v")).toList();
        instanceA.append(forward);

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = threads.submit(() -> appendRepeatedly(instanceA, forward, start));
            Future<?> b = threads.submit(() -> appendRepeatedly(instanceB, backward, start));
            start.countDown();
            a.get(60, TimeUnit.SECONDS);
            b.get(60, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }

        assertThat(instanceA.liveCount()).isBetween((long) KEYS, 2L * KEYS);
    }

    private static Void appendRepeatedly(JdbcOutbox outbox, List<OutboxEntry> entries, CountDownLatch start)
            throws InterruptedException {
        start.await();
        for (int i = 0; i < 20; i++) {
            outbox.append(entries);
        }
        return null;
    }

    /** Claims and completes until every key's second change was claimed (by this or the other instance). */
    private static Void claimSeconds(JdbcOutbox outbox, String owner, AtomicLong sequence,
                                     Map<String, Long> secondClaimed) throws InterruptedException {
        while (secondClaimed.size() < KEYS) {
            List<OutboxEntry> batch = outbox.claim(5, T0, Duration.ofMinutes(10), owner);
            for (OutboxEntry second : batch) {
                secondClaimed.put(second.integrationKey(), sequence.incrementAndGet());
                outbox.complete(second);
            }
            if (batch.isEmpty()) {
                Thread.sleep(1);
            }
        }
        return null;
    }

    private static OutboxEntry entry(int n) {
        return entry("c-" + n, "{\"n\":" + n + "}");
    }

    private static OutboxEntry entry(String key, String payload) {
        return OutboxEntry.builder().messageId("msg-" + key + "-" + payload).webhookId("wh")
                .integrationObject("ioCustomer").destinationId("crm").integrationKey(key)
                .changeType(ChangeType.SAVED).payload(payload.getBytes(StandardCharsets.UTF_8))
                .payloadHash(new PayloadHash(key.hashCode(), payload.hashCode())).createdAt(T0).attempts(0)
                .nextAttemptAt(T0).build();
    }
}
