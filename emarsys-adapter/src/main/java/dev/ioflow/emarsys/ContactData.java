package dev.ioflow.emarsys;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Emarsys' answer to {@link EmarsysClient#getContactData}: the requested fields of each contact found.
 *
 * @param contacts  one map per contact found, as Emarsys sent it: its JSON keys (the requested field ids in
 *                  decimal, plus {@code id}, the internal contact id) to value; values may be null
 * @param errors    the key values that were not found or not valid, keyed by key value
 * @param rateLimit the rate-limit headers of the answer
 * @since 0.1
 */
public record ContactData(List<Map<String, @Nullable String>> contacts, Map<String, ContactError> errors,
                          RateLimitStatus rateLimit) {

    /** Copies the collections (maps keep their order; values may be null). */
    public ContactData {
        contacts = List.copyOf(contacts);
        errors = Map.copyOf(errors);
    }
}
