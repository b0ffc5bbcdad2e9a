package dev.ioflow.webhook.internal;

import dev.ioflow.webhook.spi.MarkerKey;

/**
 * A 64-bit fingerprint of a {@link MarkerKey}, computed without allocating: FNV-1a over the characters of the three
 * parts (each followed by its length, so that part boundaries count), finished with MurmurHash3's avalanche step.
 * Never 0, which marks an empty slot in {@link MarkerTable}.
 */
public final class KeyFingerprint {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private KeyFingerprint() {
    }

    /** The fingerprint of the key. */
    public static long of(MarkerKey key) {
        long h = FNV_OFFSET;
        h = mix(h, key.integrationObject());
        h = mix(h, key.destinationId());
        h = mix(h, key.integrationKey());
        h = avalanche(h);
        return h == 0 ? 1 : h;
    }

    private static long mix(long h, String part) {
        for (int i = 0, n = part.length(); i < n; i++) {
            h = (h ^ part.charAt(i)) * FNV_PRIME;
        }
        return (h ^ part.length()) * FNV_PRIME;
    }

    private static long avalanche(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
