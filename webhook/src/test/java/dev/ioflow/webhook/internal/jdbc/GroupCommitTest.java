package dev.ioflow.webhook.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class GroupCommitTest {
    /**
     * Every write takes 20 ms (so that threads starting together all arrive during the first one) and seems to take
     * 4 s to the group commit, so that it gathers returning callers for up to 1 s.
     */
    private static final long WRITE_NANOS = TimeUnit.SECONDS.toNanos(4);

    private final AtomicLong fakeNanos = new AtomicLong();
    private final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
    private final GroupCommit<Integer> commit = new GroupCommit<>(batch -> {
        sleep(20);
        fakeNanos.addAndGet(WRITE_NANOS);
        batches.add(List.copyOf(batch));
    }, fakeNanos::get, Duration.ofSeconds(10));

    @Test
    void aLoneCallerIsWrittenAtOnceWithoutWaitingForOthers() {
        long started = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            commit.submit(i);
        }
        assertThat(batches).containsExactly(List.of(0), List.of(1), List.of(2), List.of(3), List.of(4));
        // gathering would have waited a second before each of the last four writes
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void busyCallersShareEveryWriteOnceTheyAreAllBack() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 10; i++) {
                    commit.submit(thread * 100 + i);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(40);
        // the first write starts before the others have arrived; after that, each write waits for the callers of
        // the previous one (left alone, 4 threads alternate between batches of 3 and 1), until the first thread to
        // finish (one that was ahead from the start is done a write before the others) has made its last request
        int firstDone = IntStream.range(0, 4).map(t -> batchOf(t * 100 + 9)).min().orElseThrow();
        assertThat(batches.subList(2, firstDone + 1)).as("batches %s", batches)
                .allSatisfy(b -> assertThat(b).hasSize(4));
        assertThat(batches.size()).isLessThanOrEqualTo(12);
    }

    private int batchOf(int request) {
        for (int i = 0; i < batches.size(); i++) {
            if (batches.get(i).contains(request)) {
                return i;
            }
        }
        throw new AssertionError(request + " was never written: " + batches);
    }

    @Test
    void aFailedSharedWriteIsRetriedPerRequestSoThatOnlyTheBadOneFails() throws Exception {
        GroupCommit<Integer> failing = new GroupCommit<>(batch -> {
            if (batch.contains(13)) {
                throw new IllegalStateException("13 is refused");
            }
            batches.add(List.copyOf(batch));
        });
        failing.submit(1);
        assertThatThrownBy(() -> failing.submit(13)).hasMessage("13 is refused");
        assertThat(batches).containsExactly(List.of(1));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
