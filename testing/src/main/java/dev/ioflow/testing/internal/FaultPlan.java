package dev.ioflow.testing.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import mockwebserver3.MockResponse;

/**
 * Failures a test scripted for the next API calls: rate limits (429 with {@code X-RateLimit-Reset}) and server
 * errors. Not thread-safe. Not API.
 */
public final class FaultPlan {
    private final Clock clock;
    private final Envelope envelope;
    private final Deque<Fault> faults = new ArrayDeque<>();

    /** Computes rate-limit reset times with {@code clock}. */
    public FaultPlan(Clock clock, Envelope envelope) {
        this.clock = clock;
        this.envelope = envelope;
    }

    /** The next {@code count} calls get 429, reply code 7003, and a reset {@code resetAfter} from now. */
    public void rateLimit(int count, Duration resetAfter) {
        for (int i = 0; i < count; i++) {
            faults.add(new Fault(429, resetAfter));
        }
    }

    /** The next {@code count} calls get this 5xx status. */
    public void serverError(int count, int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("a server error status is 5xx, got " + status);
        }
        for (int i = 0; i < count; i++) {
            faults.add(new Fault(status, null));
        }
    }

    /** The response for the next scripted failure, or null when none is left. */
    public MockResponse next() {
        Fault fault = faults.poll();
        if (fault == null) {
            return null;
        }
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

    private record Fault(int status, Duration resetAfter) {
    }
}
