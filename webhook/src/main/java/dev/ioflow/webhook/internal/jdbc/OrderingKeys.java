package dev.ioflow.webhook.internal.jdbc;

import dev.ioflow.webhook.spi.OutboxEntry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The 64-bit hash of an {@link OutboxEntry#orderingKey()} that the outbox indexes; equal on every JVM, so several
 * application instances agree. Collisions are harmless: queries compare the key's parts as well. Each thread keeps
 * one digest: looking the algorithm up cost more than hashing a key.
 */
public final class OrderingKeys {
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(OrderingKeys::sha256);

    private OrderingKeys() {
    }

    /** The first 64 bits of the SHA-256 of the ordering key's UTF-8 bytes. */
    public static long hash(OutboxEntry entry) {
        return hash(entry.orderingKey());
    }

    /** The first 64 bits of the SHA-256 of this ordering key's UTF-8 bytes. */
    public static long hash(String orderingKey) {
        // digest() resets the digest for the next call
        byte[] digest = SHA_256.get().digest(orderingKey.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(digest).getLong();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
