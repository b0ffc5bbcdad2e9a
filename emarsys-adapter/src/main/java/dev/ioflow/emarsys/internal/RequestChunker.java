package dev.ioflow.emarsys.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Splits prepared changes into requests: at most {@code maxContacts} each, within {@code maxBytes} (estimated
 * upper bound), and never the same key value twice in one request (Emarsys would apply only one of them).
 */
public final class RequestChunker {

    private static final long ENVELOPE_BYTES = 64;

    private RequestChunker() {
    }

    /** The requests, in order; each change lands in exactly one. */
    public static List<List<PreparedChange>> chunks(List<PreparedChange> changes, int maxContacts, long maxBytes) {
        List<List<PreparedChange>> chunks = new ArrayList<>();
        List<PreparedChange> current = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        long bytes = ENVELOPE_BYTES;
        for (PreparedChange c : changes) {
            boolean full = current.size() >= maxContacts || bytes + c.estimatedBytes() > maxBytes
                    || keys.contains(c.keyValue());
            if (full && !current.isEmpty()) {
                chunks.add(current);
                current = new ArrayList<>();
                keys.clear();
                bytes = ENVELOPE_BYTES;
            }
            current.add(c);
            keys.add(c.keyValue());
            bytes += c.estimatedBytes();
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }
}
