package dev.ioflow.testing.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;

/**
 * Failures a test scripted for the next API calls: rate limits (429 with {@code X-RateLimit-Reset}) and server
 * errors. Not thread-safe. Not API.
 */
public final class FaultPlan {
    private final Clock clock;
    private final Envelope envelope;
    private final List<Fault> faults = new ArrayList<>();

    /** Computes rate-limit reset times with {@code clock}. */
    public FaultPlan(Clock clock, Envelope envelope) {
        this.clock = clock;
        this.envelope = envelope;
    }

    /**
     * The next {@code count} calls (to {@code endpoint}, or any when null) get 429, reply code 7003, and a reset
     * {@code resetAfter} from now.
     */
    public void rateLimit(int count, Duration resetAfter, String endpoint) {
        for (int i = 0; i < count; i++) {
            faults.add(new Fault(429, resetAfter, endpoint));
        }
    }

    /** The next {@code count} calls (to {@code endpoint}, or any when null) get this 5xx status. */
    public void serverError(int count, int status, String endpoint) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("a server error status is 5xx, got " + status);
        }
        for (int i = 0; i < count; i++) {
            faults.add(new Fault(status, null, endpoint));
        }
    }

    /**
     * The response for the oldest scripted failure that applies to this endpoint (e.g. {@code contact/delete}), or
     * null when none does.
     */
    public MockResponse next(String endpoint) {
        Fault fault = faults.stream().filter(f -> f.endpoint() == null || f.endpoint().equals(endpoint))
                .findFirst().orElse(null);
        if (fault == null) {
            return null;
        }
        faults.remove(fault);
        if (fault.status() == 429) {
            long reset = clock.instant().plus(fault.resetAfter()).plusMillis(999).getEpochSecond();
            return envelope.reply(429, Envelope.TOO_MANY_REQUESTS, "Too many requests", null).newBuilder()
                    .setHeader("X-RateLimit-Limit", 1000)
                    .setHeader("X-Ratelimit-Remaining", 0)
                    .setHeader("X-RateLimit-Reset", reset)
                    .build();
        }
        return envelope.reply(fault.status(), Envelope.SERVER_ERROR, "Temporary server error (scripted by the stand-in)", null);
    }

    private record Fault(int status, Duration resetAfter, String endpoint) {
    }
}
