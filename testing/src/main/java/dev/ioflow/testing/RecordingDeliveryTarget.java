package dev.ioflow.testing;

import dev.ioflow.webhook.spi.DeliveryOutcome;
import dev.ioflow.webhook.spi.DeliveryTarget;
import dev.ioflow.webhook.spi.Delivery;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A {@link DeliveryTarget} for tests: records every change it is handed (every attempt), answers success unless
 * told otherwise, and lets a test wait for deliveries without sleeping. Thread-safe.
 *
 * <pre>{@code
 * RecordingDeliveryTarget target = RecordingDeliveryTarget.create();
 * target.failNext(2, DeliveryOutcome.retryable(503, "down", null)); // the first two changes fail
 * // ... configure a webhook with this target, save items ...
 * List<Delivery> changes = target.awaitChanges(3, Duration.ofSeconds(5));
 * assertThat(changes).extracting(Delivery::integrationKey).contains("c1");
 * }</pre>
 *
 * @since 0.1
 */
public final class RecordingDeliveryTarget implements DeliveryTarget {
    private final int maxBatchSize;
    private final List<Delivery> changes = new ArrayList<>();
    private final List<List<Delivery>> batches = new ArrayList<>();
    private final List<Delivery> delivered = new ArrayList<>();
    private final Deque<DeliveryOutcome> scripted = new ArrayDeque<>();
    private Function<Delivery, DeliveryOutcome> answer = change -> DeliveryOutcome.delivered(200, "recorded");

    private RecordingDeliveryTarget(int maxBatchSize) {
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("maxBatchSize must be at least 1, got " + maxBatchSize);
        }
        this.maxBatchSize = maxBatchSize;
    }

    /** A target that takes one change per call. */
    public static RecordingDeliveryTarget create() {
        return new RecordingDeliveryTarget(1);
    }

    /** A target that takes up to {@code maxBatchSize} changes per call. */
    public static RecordingDeliveryTarget withMaxBatchSize(int maxBatchSize) {
        return new RecordingDeliveryTarget(maxBatchSize);
    }

    @Override
    public synchronized List<DeliveryOutcome> deliver(List<Delivery> batch) {
        List<DeliveryOutcome> outcomes = new ArrayList<>(batch.size());
        for (Delivery change : batch) {
            DeliveryOutcome outcome = scripted.isEmpty() ? answer.apply(change) : scripted.poll();
            changes.add(change);
            if (outcome instanceof DeliveryOutcome.Delivered) {
                delivered.add(change);
            }
            outcomes.add(outcome);
        }
        batches.add(List.copyOf(batch));
        notifyAll();
        return outcomes;
    }

    @Override
    public int maxBatchSize() {
        return maxBatchSize;
    }

    /** The next {@code count} changes get this outcome (then the default answer again). */
    public synchronized RecordingDeliveryTarget failNext(int count, DeliveryOutcome outcome) {
        Objects.requireNonNull(outcome, "outcome");
        for (int i = 0; i < count; i++) {
            scripted.add(outcome);
        }
        return this;
    }

    /** Answers every change (not covered by {@link #failNext}) with {@code answer}; the default answers 200. */
    public synchronized RecordingDeliveryTarget answerWith(Function<Delivery, DeliveryOutcome> answer) {
        this.answer = Objects.requireNonNull(answer, "answer");
        return this;
    }

    /** Every change handed over so far, one entry per attempt, in order. */
    public synchronized List<Delivery> changes() {
        return List.copyOf(changes);
    }

    /** The changes answered with success, in order. */
    public synchronized List<Delivery> delivered() {
        return List.copyOf(delivered);
    }

    /** The batches as they were handed over. */
    public synchronized List<List<Delivery>> batches() {
        return List.copyOf(batches);
    }

    /**
     * Waits until at least {@code count} changes (attempts) were handed over.
     *
     * @return the first {@code count} changes
     * @throws AssertionError when they do not arrive within {@code timeout}
     */
    public List<Delivery> awaitChanges(int count, Duration timeout) {
        return await(count, timeout, false);
    }

    /**
     * Waits until at least {@code count} changes were answered with success.
     *
     * @return the first {@code count} delivered changes
     * @throws AssertionError when they are not delivered within {@code timeout}
     */
    public List<Delivery> awaitDelivered(int count, Duration timeout) {
        return await(count, timeout, true);
    }

    private synchronized List<Delivery> await(int count, Duration timeout, boolean deliveredOnly) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Delivery> source = deliveredOnly ? delivered : changes;
        while (source.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("expected " + count + (deliveredOnly ? " delivered" : "") + " changes within "
                        + timeout + " but got " + source.size() + ": " + source);
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for changes", e);
            }
        }
        return List.copyOf(source.subList(0, count));
    }
}
