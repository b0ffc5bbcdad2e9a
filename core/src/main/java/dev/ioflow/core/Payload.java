package dev.ioflow.core;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An item rendered for an integration object: the JSON bytes, the item's integration key and the hash of
 * the canonical payload. Immutable: the bytes are copied in and out; {@link #jsonBuffer()} and
 * {@link #writeTo(OutputStream)} read them without a copy.
 *
 * <pre>{@code
 * Payload payload = renderer.render(customer);
 * payload.writeTo(connection.getOutputStream());   // no copy
 * }</pre>
 *
 * @since 0.1
 */
public final class Payload {
    private final String integrationObject;
    private final String integrationKey;
    private final byte[] json;
    private final PayloadHash hash;

    /** Takes ownership of {@code json}: callers in this package pass a fresh array that nobody else holds. */
    Payload(String integrationObject, String integrationKey, byte[] json, PayloadHash hash, boolean owned) {
        this.integrationObject = Objects.requireNonNull(integrationObject, "integrationObject");
        this.integrationKey = Objects.requireNonNull(integrationKey, "integrationKey");
        Objects.requireNonNull(json, "json");
        this.json = owned ? json : json.clone();
        this.hash = Objects.requireNonNull(hash, "hash");
    }

    /**
     * A payload of these parts (all required); {@code json} is copied.
     *
     * @param integrationObject the integration object's code
     * @param integrationKey    the root item's integration key (SAP's {@code integrationKey})
     * @param json              the UTF-8 JSON payload
     * @param hash              the hash of the canonical payload
     * @since 1.0
     */
    public static Payload of(String integrationObject, String integrationKey, byte[] json, PayloadHash hash) {
        return new Payload(integrationObject, integrationKey, json, hash, false);
    }

    /** The integration object's code. */
    public String integrationObject() {
        return integrationObject;
    }

    /** The root item's integration key (SAP's {@code integrationKey}). */
    public String integrationKey() {
        return integrationKey;
    }

    /** A copy of the UTF-8 JSON payload; see {@link #jsonBuffer()} to read it without a copy. */
    public byte[] json() {
        return json.clone();
    }

    /**
     * The UTF-8 JSON payload as a read-only buffer over the payload's own bytes (no copy), positioned at its
     * start; each call returns a new buffer.
     *
     * @since 1.0
     */
    public ByteBuffer jsonBuffer() {
        return ByteBuffer.wrap(json).asReadOnlyBuffer();
    }

    /**
     * Writes the UTF-8 JSON payload to {@code out} (no copy); {@code out} is neither flushed nor closed.
     *
     * @throws IOException when {@code out} cannot write
     * @since 1.0
     */
    public void writeTo(OutputStream out) throws IOException {
        out.write(json);
    }

    /** The payload's length in bytes. @since 1.0 */
    public int length() {
        return json.length;
    }

    /** The hash of the canonical payload. */
    public PayloadHash hash() {
        return hash;
    }

    /** The payload as a string. */
    public String jsonString() {
        return new String(json, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Payload p && integrationObject.equals(p.integrationObject)
                && integrationKey.equals(p.integrationKey) && Arrays.equals(json, p.json) && hash.equals(p.hash);
    }

    @Override
    public int hashCode() {
        return Objects.hash(integrationObject, integrationKey, Arrays.hashCode(json), hash);
    }

    @Override
    public String toString() {
        return "Payload[" + integrationObject + ", key=" + integrationKey + ", " + json.length + " bytes, hash=" + hash + "]";
    }
}
