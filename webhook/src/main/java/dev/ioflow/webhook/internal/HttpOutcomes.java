package dev.ioflow.webhook.internal;

import dev.ioflow.destinations.DestinationException;
import dev.ioflow.destinations.UnknownDestinationException;
import dev.ioflow.webhook.RetryPolicy;
import dev.ioflow.webhook.spi.DeliveryOutcome;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP targets' shared rules from a status (or a failed call) to a {@link DeliveryOutcome}: 2xx delivered;
 * 408, 429, 5xx retryable no earlier than {@code Retry-After}; other statuses permanent; an unknown destination
 * permanent, other destination failures (I/O, inactive destination, credentials) retryable.
 */
public final class HttpOutcomes {

    private HttpOutcomes() {
    }

    /** The outcome of a response with this status, body (or null) and {@code Retry-After} header (or null). */
    public static DeliveryOutcome of(int status, @Nullable String body, @Nullable String retryAfter, Instant now) {
        String text = Texts.cap(body == null ? "" : body);
        if (status >= 200 && status < 300) {
            return DeliveryOutcome.delivered(status, text);
        }
        String detail = Texts.cap("HTTP " + status + (text.isEmpty() ? "" : ": " + text));
        if (RetryPolicy.isRetryableStatus(status)) {
            return DeliveryOutcome.retryable(status, detail, RetryAfter.parse(retryAfter, now));
        }
        return DeliveryOutcome.permanent(status, detail);
    }

    /** The outcome of a call that got no response. */
    public static DeliveryOutcome of(DestinationException failure) {
        if (failure instanceof UnknownDestinationException) {
            return DeliveryOutcome.permanent(0, Texts.describe(failure));
        }
        return DeliveryOutcome.retryable(0, Texts.describe(failure), null);
    }
}
