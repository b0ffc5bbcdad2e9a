package dev.ioflow.webhook.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The ordering hash is stored in outbox tables: it must never change, and threads must not disturb each other. */
class OrderingKeysTest {

    @Test
    void theHashIsTheFirst64BitsOfSha256() {
        // SHA-256("abc") = ba7816bf8f01cfea 414140de5dae2223 …
        assertThat(OrderingKeys.hash("abc")).isEqualTo(0xba7816bf8f01cfeaL);
        assertThat(OrderingKeys.hash("abc")).as("the same again").isEqualTo(0xba7816bf8f01cfeaL);
    }

    @Test
    void threadsHashingAtOnceGetTheSameAnswers() throws Exception {
        List<String> keys = IntStream.range(0, 2_000).mapToObj(i -> "wh\u0000crm\u0000c" + i).toList();
        List<Long> expected = keys.stream().map(OrderingKeys::hash).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Long>>> results = IntStream.range(0, 4)
                    .mapToObj(t -> pool.submit(() -> keys.stream().map(OrderingKeys::hash).toList())).toList();
            for (Future<List<Long>> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
    }
}
