package dev.ioflow.emarsys.internal;

import dev.ioflow.webhook.spi.Delivery;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A change ready to be sent: its place in the batch, its key value and (for saves) its contact.
 *
 * @param index          the change's position in the delivered batch
 * @param change         the change
 * @param keyValue       the contact's key value
 * @param contact        the contact's fields (field id to value) for a save; null for a delete
 * @param estimatedBytes an upper bound of the contact's share of the request body
 */
public record PreparedChange(int index, Delivery change, String keyValue,
                             @Nullable Map<Integer, @Nullable String> contact,
                             long estimatedBytes) {

    /** A save of this contact. */
    public static PreparedChange save(int index, Delivery change, String keyValue,
                                      Map<Integer, @Nullable String> contact) {
        long bytes = 4;
        for (Map.Entry<Integer, @Nullable String> e : contact.entrySet()) {
            bytes += 6 + Integer.toString(e.getKey()).length() + jsonBound(e.getValue());
        }
        return new PreparedChange(index, change, keyValue, contact, bytes);
    }

    /** A delete of the contact with this key value. */
    public static PreparedChange delete(int index, Delivery change, String keyValue) {
        return new PreparedChange(index, change, keyValue, null, 2 + jsonBound(keyValue));
    }

    /** Worst case of a JSON string: every char escaped as {@code \\uXXXX}, plus quotes. */
    private static long jsonBound(@Nullable String value) {
        return value == null ? 4 : 2 + 6L * value.length();
    }
}
