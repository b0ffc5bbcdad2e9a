package dev.ioflow.core.internal.hash;

import dev.ioflow.core.PayloadHash;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * MurmurHash3, x64 128-bit variant (Austin Appleby's public-domain algorithm), computed incrementally
 * over the bytes written to it. Being an {@link OutputStream}, it is the sink a {@code JsonGenerator}
 * streams a canonical payload into, so no payload bytes are kept: only a 16-byte block buffer.
 * The result equals the one-shot reference function over all bytes written, however they were chunked.
 * Not thread-safe; one instance per hash.
 */
public final class Murmur3x128 extends OutputStream {
    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;
    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] block = new byte[16];
    private int pending;
    private long length;
    private long h1;
    private long h2;

    /** A hasher with seed 0, the seed of ioflow's payload hashes. */
    public Murmur3x128() {
        this(0);
    }

    /** A hasher with the given seed (the reference takes a 32-bit seed; it is used unsigned). */
    public Murmur3x128(int seed) {
        h1 = Integer.toUnsignedLong(seed);
        h2 = h1;
    }

    @Override
    public void write(int b) {
        block[pending++] = (byte) b;
        length++;
        if (pending == 16) {
            mix(readLong(block, 0), readLong(block, 8));
            pending = 0;
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int count) {
        length += count;
        int i = offset;
        int end = offset + count;
        if (pending > 0) {
            int fill = Math.min(16 - pending, count);
            System.arraycopy(bytes, i, block, pending, fill);
            pending += fill;
            i += fill;
            if (pending < 16) {
                return;
            }
            mix(readLong(block, 0), readLong(block, 8));
            pending = 0;
        }
        for (; end - i >= 16; i += 16) {
            mix(readLong(bytes, i), readLong(bytes, i + 8));
        }
        pending = end - i;
        System.arraycopy(bytes, i, block, 0, pending);
    }

    /**
     * The hash of everything written so far: {@code h1} of the reference implementation as the high half,
     * {@code h2} as the low half. Does not change the state, so more bytes may follow.
     */
    public PayloadHash finish() {
        long a = h1;
        long b = h2;
        long k1 = 0;
        long k2 = 0;
        for (int i = pending - 1; i >= 8; i--) {
            k2 = (k2 << 8) | (block[i] & 0xffL);
        }
        for (int i = Math.min(pending, 8) - 1; i >= 0; i--) {
            k1 = (k1 << 8) | (block[i] & 0xffL);
        }
        if (pending > 8) {
            b ^= Long.rotateLeft(k2 * C2, 33) * C1;
        }
        if (pending > 0) {
            a ^= Long.rotateLeft(k1 * C1, 31) * C2;
        }
        a ^= length;
        b ^= length;
        a += b;
        b += a;
        a = fmix(a);
        b = fmix(b);
        a += b;
        b += a;
        return new PayloadHash(a, b);
    }

    private void mix(long k1, long k2) {
        h1 ^= Long.rotateLeft(k1 * C1, 31) * C2;
        h1 = Long.rotateLeft(h1, 27) + h2;
        h1 = h1 * 5 + 0x52dce729;
        h2 ^= Long.rotateLeft(k2 * C2, 33) * C1;
        h2 = Long.rotateLeft(h2, 31) + h1;
        h2 = h2 * 5 + 0x38495ab5;
    }

    private static long readLong(byte[] bytes, int index) {
        return (long) LONG_LE.get(bytes, index);
    }

    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
