package dev.ioflow.emarsys;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The rate-limit headers of one Emarsys answer ({@code X-RateLimit-Limit}, {@code X-Ratelimit-Remaining},
 * {@code X-RateLimit-Reset}); each part is null when the answer did not carry it.
 *
 * @param limit     requests allowed per window
 * @param remaining requests left in the current window
 * @param resetAt   when the window resets (the header is in Unix seconds)
 * @since 0.1
 */
public record RateLimitStatus(@Nullable Integer limit, @Nullable Integer remaining, @Nullable Instant resetAt) {

    /** No rate-limit headers were seen. */
    public static final RateLimitStatus UNKNOWN = new RateLimitStatus(null, null, null);

    /** Short text for monitoring, e.g. {@code remaining 12/1000 until 2026-01-01T10:00:00Z}. */
    public String describe() {
        if (remaining == null && resetAt == null) {
            return "no rate-limit headers";
        }
        return "remaining " + remaining + "/" + limit + " until " + resetAt;
    }
}
