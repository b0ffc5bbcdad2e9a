package dev.ioflow.webhook.internal;

/**
 * An open-addressing (linear probing) hash table from a non-zero 64-bit fingerprint to a 128-bit value, held in
 * three primitive arrays: 24 bytes per slot, no object per entry. Grows at 80% load, so it holds between 30 and 60
 * bytes per entry. Deletion shifts later entries back (no tombstones). Not thread-safe: callers lock.
 */
public final class MarkerTable {
    private static final int MIN_CAPACITY = 16;
    private long[] fingerprints;
    private long[] highs;
    private long[] lows;
    private int size;

    /** An empty table. */
    public MarkerTable() {
        allocate(MIN_CAPACITY);
    }

    /** The slot of the fingerprint, or -1. */
    public int find(long fingerprint) {
        int mask = fingerprints.length - 1;
        for (int i = home(fingerprint, mask); ; i = (i + 1) & mask) {
            long f = fingerprints[i];
            if (f == fingerprint) {
                return i;
            }
            if (f == 0) {
                return -1;
            }
        }
    }

    /** The first half of the value in the slot. */
    public long high(int slot) {
        return highs[slot];
    }

    /** The second half of the value in the slot. */
    public long low(int slot) {
        return lows[slot];
    }

    /** Sets the value of the fingerprint. */
    public void put(long fingerprint, long high, long low) {
        if ((size + 1) * 5L > fingerprints.length * 4L) {
            grow();
        }
        int mask = fingerprints.length - 1;
        int i = home(fingerprint, mask);
        while (fingerprints[i] != 0 && fingerprints[i] != fingerprint) {
            i = (i + 1) & mask;
        }
        if (fingerprints[i] == 0) {
            size++;
        }
        fingerprints[i] = fingerprint;
        highs[i] = high;
        lows[i] = low;
    }

    /** Removes the fingerprint, if present. */
    public void remove(long fingerprint) {
        int hole = find(fingerprint);
        if (hole < 0) {
            return;
        }
        int mask = fingerprints.length - 1;
        for (int j = (hole + 1) & mask; fingerprints[j] != 0; j = (j + 1) & mask) {
            int home = home(fingerprints[j], mask);
            // the entry at j may move back into the hole unless its home lies cyclically in (hole, j]
            boolean homeBetween = hole <= j ? hole < home && home <= j : hole < home || home <= j;
            if (!homeBetween) {
                fingerprints[hole] = fingerprints[j];
                highs[hole] = highs[j];
                lows[hole] = lows[j];
                hole = j;
            }
        }
        fingerprints[hole] = 0;
        size--;
    }

    /** The number of entries. */
    public int size() {
        return size;
    }

    /** The bytes held by the three arrays' elements. */
    public long dataBytes() {
        return fingerprints.length * 24L;
    }

    private void grow() {
        long[] oldFingerprints = fingerprints;
        long[] oldHighs = highs;
        long[] oldLows = lows;
        allocate(oldFingerprints.length * 2);
        int mask = fingerprints.length - 1;
        for (int s = 0; s < oldFingerprints.length; s++) {
            long f = oldFingerprints[s];
            if (f != 0) {
                int i = home(f, mask);
                while (fingerprints[i] != 0) {
                    i = (i + 1) & mask;
                }
                fingerprints[i] = f;
                highs[i] = oldHighs[s];
                lows[i] = oldLows[s];
            }
        }
    }

    private void allocate(int capacity) {
        fingerprints = new long[capacity];
        highs = new long[capacity];
        lows = new long[capacity];
    }

    private static int home(long fingerprint, int mask) {
        return (int) fingerprint & mask;
    }
}
