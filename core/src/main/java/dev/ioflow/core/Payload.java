package dev.ioflow.core;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * An item rendered for an integration object: the JSON bytes, the item's integration key and the hash of
 * the canonical payload.
 *
 * @param integrationObject the integration object's code
 * @param integrationKey    the root item's integration key (SAP's {@code integrationKey})
 * @param json              the UTF-8 JSON payload; treat as read-only
 * @param hash              the hash of the canonical payload
 * @since 0.1
 */
public record Payload(String integrationObject, String integrationKey, byte[] json, PayloadHash hash) {

    /** All components are required. */
    public Payload {
        Objects.requireNonNull(integrationObject, "integrationObject");
        Objects.requireNonNull(integrationKey, "integrationKey");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(hash, "hash");
    }

    /** The payload as a string. */
    public String jsonString() {
        return new String(json, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
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
