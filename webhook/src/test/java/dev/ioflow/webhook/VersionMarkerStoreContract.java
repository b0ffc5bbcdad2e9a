package dev.ioflow.webhook;

import dev.ioflow.webhook.spi.MarkerKey;
import dev.ioflow.webhook.spi.VersionMarkerStore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioflow.core.PayloadHash;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link VersionMarkerStore} contract as executable tests: every implementation extends this class and
 * supplies a fresh, empty store.
 */
public abstract class VersionMarkerStoreContract {
    private static final MarkerKey KEY = new MarkerKey("ioCustomer", "crm", "c-1|DE");
    private static final PayloadHash HASH = PayloadHash.fromHex("0123456789abcdef0123456789abcdef");
    /** Both halves with the sign bit set: stores must keep all 128 bits. */
    private static final PayloadHash OTHER = PayloadHash.fromHex("ffffffffffffffff8000000000000001");

    protected VersionMarkerStore markers;

    /** A new, empty store; the contract closes it after each test. */
    protected abstract VersionMarkerStore createStore();

    @BeforeEach
    void openStore() {
        markers = createStore();
    }

    @AfterEach
    void closeStore() {
        markers.close();
    }

    @Test
    void unknownKeyHasNoMarker() {
        assertThat(markers.get(KEY)).isNull();
    }

    @Test
    void putMarkerIsReturnedByGet() {
        markers.put(KEY, HASH);

        assertThat(markers.get(KEY)).isEqualTo(HASH);
    }

    @Test
    void putReplacesTheMarkerOfTheSameKey() {
        markers.put(KEY, HASH);
        markers.put(KEY, OTHER);

        assertThat(markers.get(KEY)).isEqualTo(OTHER);
    }

    @Test
    void keysDifferingInAnyPartHaveTheirOwnMarkers() {
        markers.put(KEY, HASH);

        assertThat(markers.get(new MarkerKey("ioProduct", "crm", "c-1|DE"))).isNull();
        assertThat(markers.get(new MarkerKey("ioCustomer", "erp", "c-1|DE"))).isNull();
        assertThat(markers.get(new MarkerKey("ioCustomer", "crm", "c-2|DE"))).isNull();
    }

    @Test
    void removeForgetsTheMarker() {
        markers.put(KEY, HASH);
        markers.remove(KEY);

        assertThat(markers.get(KEY)).isNull();
    }

    @Test
    void removeOfAnUnknownKeyDoesNothing() {
        markers.put(KEY, HASH);
        markers.remove(new MarkerKey("ioCustomer", "crm", "c-2|DE"));

        assertThat(markers.get(KEY)).isEqualTo(HASH);
    }
}
