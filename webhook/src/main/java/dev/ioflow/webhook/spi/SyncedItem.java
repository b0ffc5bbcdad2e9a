package dev.ioflow.webhook.spi;

import dev.ioflow.core.PayloadHash;
import java.util.Arrays;
import java.util.Objects;

/**
 * What a {@link SyncMemoryStore} keeps of one item an outbound sync saw: its integration key, and its last payload
 * with the payload's hash, sent with the DELETED change when a later run no longer finds the item. Immutable: the
 * payload bytes are copied in and out.
 *
 * @since 1.1
 */
public final class SyncedItem {
    private final String integrationKey;
    private final PayloadHash payloadHash;
    private final byte[] payload;

    /**
     * An item.
     *
     * @param integrationKey the item's integration key
     * @param payloadHash    the hash of {@code payload}
     * @param payload        the item's last rendered payload (JSON)
     */
    public SyncedItem(String integrationKey, PayloadHash payloadHash, byte[] payload) {
        this.integrationKey = Objects.requireNonNull(integrationKey, "integrationKey");
        this.payloadHash = Objects.requireNonNull(payloadHash, "payloadHash");
        this.payload = Objects.requireNonNull(payload, "payload").clone();
    }

    /** The item's integration key. */
    public String integrationKey() {
        return integrationKey;
    }

    /** The hash of {@link #payload()}. */
    public PayloadHash payloadHash() {
        return payloadHash;
    }

    /** The item's last payload (a copy). */
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SyncedItem s && integrationKey.equals(s.integrationKey)
                && payloadHash.equals(s.payloadHash) && Arrays.equals(payload, s.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(integrationKey, payloadHash);
    }

    @Override
    public String toString() {
        return "SyncedItem[" + integrationKey + ", " + payload.length + " bytes]";
    }
}
