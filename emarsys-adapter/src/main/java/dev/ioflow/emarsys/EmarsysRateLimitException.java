package dev.ioflow.emarsys;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Emarsys is rate limiting the API user (HTTP 429, reply code 7003). Emarsys sends no {@code Retry-After}: wait
 * until {@link #resetAt()}, taken from the {@code X-RateLimit-Reset} header (Unix seconds).
 *
 * @since 0.1
 */
public class EmarsysRateLimitException extends EmarsysException {
    private static final long serialVersionUID = 1L;

    private final @Nullable Instant resetAt;

    /**
     * See {@link EmarsysException#EmarsysException(String, int, int, String, Throwable)}.
     *
     * @param resetAt when the limit resets; null when Emarsys did not say
     */
    public EmarsysRateLimitException(String message, int httpStatus, int replyCode, @Nullable String replyText,
                                     @Nullable Instant resetAt) {
        super(message, httpStatus, replyCode, replyText, null);
        this.resetAt = resetAt;
    }

    /** When the rate limit resets ({@code X-RateLimit-Reset}); null when the answer did not say. */
    public @Nullable Instant resetAt() {
        return resetAt;
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
