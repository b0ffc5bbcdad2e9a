package dev.ioflow.webhook.memory;

import dev.ioflow.webhook.spi.MarkerKey;
import dev.ioflow.webhook.spi.VersionMarkerStore;

import dev.ioflow.core.PayloadHash;
import dev.ioflow.webhook.internal.KeyFingerprint;
import dev.ioflow.webhook.internal.MarkerTable;
import org.jspecify.annotations.Nullable;

/**
 * The default {@link VersionMarkerStore}: compact and thread-safe, gone when the JVM stops (a restart then resends
 * every item once; use the JDBC store to avoid that).
 *
 * <p><b>Memory.</b> A marker is a 64-bit fingerprint of the {@link MarkerKey} plus the 128-bit payload hash, kept in
 * primitive arrays of open-addressing tables: 24 bytes per slot, 30 to 60 bytes per tracked key depending on the
 * tables' load; the key strings themselves are not kept. {@link #dataBytes()} reports the exact figure.
 *
 * <p><b>Collisions.</b> Two keys with the same fingerprint share one marker. That can only cause a redundant
 * delivery (the other key's hash differs from the item's), never a lost one: suppressing a real change would need
 * both a 64-bit fingerprint collision and two different keys with the same payload hash. With a million keys the
 * chance of any fingerprint collision is about 3 in 100 million.
 *
 * <p>The table is split into 64 independently locked segments so that sync and delivery threads rarely contend.
 *
 * @since 0.1
 */
public final class InMemoryVersionMarkerStore implements VersionMarkerStore {
    private static final int SEGMENT_BITS = 6;
    private final MarkerTable[] segments = new MarkerTable[1 << SEGMENT_BITS];

    /** An empty store. */
    public InMemoryVersionMarkerStore() {
        for (int i = 0; i < segments.length; i++) {
            segments[i] = new MarkerTable();
        }
    }

    @Override
    public @Nullable PayloadHash get(MarkerKey key) {
        long fingerprint = KeyFingerprint.of(key);
        MarkerTable segment = segment(fingerprint);
        synchronized (segment) {
            int slot = segment.find(fingerprint);
            return slot < 0 ? null : new PayloadHash(segment.high(slot), segment.low(slot));
        }
    }

    @Override
    public void put(MarkerKey key, PayloadHash hash) {
        long fingerprint = KeyFingerprint.of(key);
        MarkerTable segment = segment(fingerprint);
        synchronized (segment) {
            segment.put(fingerprint, hash.high(), hash.low());
        }
    }

    @Override
    public void remove(MarkerKey key) {
        long fingerprint = KeyFingerprint.of(key);
        MarkerTable segment = segment(fingerprint);
        synchronized (segment) {
            segment.remove(fingerprint);
        }
    }

    /** The number of keys with a marker. */
    public long size() {
        long total = 0;
        for (MarkerTable segment : segments) {
            synchronized (segment) {
                total += segment.size();
            }
        }
        return total;
    }

    /** The bytes of marker data held (table slots, full or empty); divide by {@link #size()} for bytes per key. */
    public long dataBytes() {
        long total = 0;
        for (MarkerTable segment : segments) {
            synchronized (segment) {
                total += segment.dataBytes();
            }
        }
        return total;
    }

    @Override
    public void close() {
        // nothing to release
    }

    @Override
    public String toString() {
        return "InMemoryVersionMarkerStore[" + size() + " markers]";
    }

    private MarkerTable segment(long fingerprint) {
        // the top bits pick the segment, the low bits the slot within it: independent parts of the fingerprint
        return segments[(int) (fingerprint >>> (64 - SEGMENT_BITS))];
    }
}
