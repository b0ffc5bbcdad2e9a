package dev.ioflow.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The state of a {@link WebhookService}'s delivery: whether its workers run, whether their passes fail (an
 * {@link Error} such as {@link OutOfMemoryError}, an unreachable outbox), the last such failure, and the
 * destinations disabled for failing too long. Returned by {@link WebhookService#health()}; for health endpoints.
 *
 * <p>Immutable.
 *
 * @since 1.0
 */
public final class WebhookHealth {

    /** The overall verdict. */
    public enum Status {
        /** {@link WebhookService#start()} was not called: nothing is delivered in the background. */
        NOT_STARTED,
        /** All workers run, their last passes succeeded, no destination is disabled. */
        UP,
        /**
         * Delivery goes on but something is wrong: a worker's passes fail (it retries after a pause), fewer workers
         * run than configured, or a destination is disabled.
         */
        DEGRADED,
        /** The service was closed. */
        STOPPED
    }

    private final Status status;
    private final int workers;
    private final int runningWorkers;
    private final @Nullable Instant failingSince;
    private final @Nullable Instant lastFailureAt;
    private final @Nullable String lastFailure;
    private final List<DestinationHealth> disabledDestinations;

    private WebhookHealth(Status status, int workers, int runningWorkers, @Nullable Instant failingSince,
                          @Nullable Instant lastFailureAt, @Nullable String lastFailure,
                          List<DestinationHealth> disabledDestinations) {
        this.status = Objects.requireNonNull(status, "status");
        this.workers = workers;
        this.runningWorkers = runningWorkers;
        this.failingSince = failingSince;
        this.lastFailureAt = lastFailureAt;
        this.lastFailure = lastFailure;
        this.disabledDestinations = List.copyOf(disabledDestinations);
    }

    /**
     * A health report.
     *
     * @param status               the verdict
     * @param workers              the configured number of worker loops
     * @param runningWorkers       the loops running now
     * @param failingSince         the first failed pass since the last good one, or null
     * @param lastFailureAt        when a pass last failed, or null if none ever did
     * @param lastFailure          that failure's type and message, or null
     * @param disabledDestinations destinations disabled for failing too long
     */
    public static WebhookHealth of(Status status, int workers, int runningWorkers, @Nullable Instant failingSince,
                                   @Nullable Instant lastFailureAt, @Nullable String lastFailure,
                                   List<DestinationHealth> disabledDestinations) {
        return new WebhookHealth(status, workers, runningWorkers, failingSince, lastFailureAt, lastFailure,
                disabledDestinations);
    }

    /** The verdict. */
    public Status status() {
        return status;
    }

    /** The configured number of worker loops. */
    public int workers() {
        return workers;
    }

    /** The worker loops running now. */
    public int runningWorkers() {
        return runningWorkers;
    }

    /** The first failed pass since the last good one, or null while passes succeed. */
    public @Nullable Instant failingSince() {
        return failingSince;
    }

    /** When a pass last failed, or null if none ever did. */
    public @Nullable Instant lastFailureAt() {
        return lastFailureAt;
    }

    /** The last failure's type and message (capped), or null. */
    public @Nullable String lastFailure() {
        return lastFailure;
    }

    /** Destinations disabled for failing too long. */
    public List<DestinationHealth> disabledDestinations() {
        return disabledDestinations;
    }

    @Override
    public String toString() {
        return "WebhookHealth[" + status + ", " + runningWorkers + "/" + workers + " workers"
                + (failingSince == null ? "" : ", failing since " + failingSince)
                + (lastFailure == null ? "" : ", last failure at " + lastFailureAt + ": " + lastFailure)
                + (disabledDestinations.isEmpty() ? "" : ", disabled: " + disabledDestinations) + "]";
    }
}
