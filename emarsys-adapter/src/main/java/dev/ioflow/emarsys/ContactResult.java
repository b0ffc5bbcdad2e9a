package dev.ioflow.emarsys;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Emarsys' answer to a contact create, upsert or delete. The call as a whole succeeded; individual contacts may
 * still have failed: always look at {@link #errors()}.
 *
 * @param httpStatus the HTTP status (200)
 * @param replyCode  the envelope's reply code (0 for OK)
 * @param replyText  the envelope's reply text; null when it carried none
 * @param ids        the internal ids of the contacts that succeeded, in Emarsys' order (strings even when Emarsys
 *                   sent numbers)
 * @param errors     the failed contacts keyed by key value
 * @param rateLimit  the rate-limit headers of the answer
 * @since 0.1
 */
public record ContactResult(int httpStatus, int replyCode, @Nullable String replyText, List<String> ids,
                            Map<String, ContactError> errors, RateLimitStatus rateLimit) {

    /** Copies the collections. */
    public ContactResult {
        ids = List.copyOf(ids);
        errors = Map.copyOf(errors);
    }

    /** The error Emarsys reported for this key value; null when it reported none. */
    public @Nullable ContactError errorFor(String keyValue) {
        return errors.get(keyValue);
    }
}
