package dev.ioflow.webhook;

import dev.ioflow.webhook.memory.InMemoryVersionMarkerStore;
import dev.ioflow.webhook.spi.MarkerKey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioflow.core.PayloadHash;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InMemoryVersionMarkerStoreTest {
    private final InMemoryVersionMarkerStore store = new InMemoryVersionMarkerStore();

    private static MarkerKey key(int i) {
        return new MarkerKey("ioCustomer", "crm", "c" + i);
    }

    @Test
    void keepsTheLastHashPutForAKey() {
        store.put(key(1), new PayloadHash(1, 2));
        store.put(key(1), new PayloadHash(3, 4));

        assertThat(store.get(key(1))).isEqualTo(new PayloadHash(3, 4));
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void keysDifferingInOnePartAreDistinct() {
        store.put(new MarkerKey("ioCustomer", "crm", "c1"), new PayloadHash(1, 1));

        assertThat(store.get(new MarkerKey("ioCustomer", "erp", "c1"))).isNull();
        assertThat(store.get(new MarkerKey("ioProduct", "crm", "c1"))).isNull();
        assertThat(store.get(new MarkerKey("ioCustomer", "crmc", "1"))).isNull();
    }

    @Test
    void removeForgetsTheKey() {
        store.put(key(1), new PayloadHash(1, 2));
        store.remove(key(1));

        assertThat(store.get(key(1))).isNull();
        assertThat(store.size()).isZero();
    }

    @Test
    void agreesWithAHashMapThroughManyPutsAndRemoves() {
        Map<MarkerKey, PayloadHash> expected = new HashMap<>();
        SplittableRandom random = new SplittableRandom(42);
        for (int op = 0; op < 200_000; op++) {
            MarkerKey k = key(random.nextInt(20_000));
            if (random.nextInt(3) == 0) {
                store.remove(k);
                expected.remove(k);
            } else {
                PayloadHash h = new PayloadHash(random.nextLong(), random.nextLong());
                store.put(k, h);
                expected.put(k, h);
            }
        }

        assertThat(store.size()).isEqualTo(expected.size());
        for (int i = 0; i < 20_000; i++) {
            assertThat(store.get(key(i))).isEqualTo(expected.get(key(i)));
        }
    }

    @Test
    void holdsAtMostSixtyFourBytesOfMarkerDataPerKey() {
        for (int i = 0; i < 100_000; i++) {
            store.put(key(i), new PayloadHash(i, i));
        }

        assertThat(store.dataBytes() / (double) store.size()).isLessThanOrEqualTo(64.0);
    }
}
