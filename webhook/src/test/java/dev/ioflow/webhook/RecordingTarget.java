package dev.ioflow.webhook;

import dev.ioflow.webhook.spi.DeliveryOutcome;
import dev.ioflow.webhook.spi.DeliveryTarget;
import dev.ioflow.webhook.spi.Delivery;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/** Records the changes it gets; answers with scripted outcomes, then with 200. */
final class RecordingTarget implements DeliveryTarget {
    private final List<Delivery> received = new ArrayList<>();
    private final List<Integer> batchSizes = new ArrayList<>();
    private final Deque<Function<Delivery, DeliveryOutcome>> script = new ArrayDeque<>();
    private final int maxBatchSize;

    RecordingTarget() {
        this(1);
    }

    RecordingTarget(int maxBatchSize) {
        this.maxBatchSize = maxBatchSize;
    }

    synchronized RecordingTarget thenAnswer(DeliveryOutcome outcome) {
        script.addLast(change -> outcome);
        return this;
    }

    @Override
    public synchronized List<DeliveryOutcome> deliver(List<Delivery> batch) {
        batchSizes.add(batch.size());
        List<DeliveryOutcome> outcomes = new ArrayList<>();
        for (Delivery change : batch) {
            received.add(change);
            Function<Delivery, DeliveryOutcome> next = script.pollFirst();
            outcomes.add(next != null ? next.apply(change) : DeliveryOutcome.delivered(200, "ok"));
        }
        return outcomes;
    }

    @Override
    public int maxBatchSize() {
        return maxBatchSize;
    }

    synchronized List<Delivery> received() {
        return List.copyOf(received);
    }

    synchronized List<String> payloads() {
        return received.stream().map(c -> new String(c.payload(), StandardCharsets.UTF_8)).toList();
    }

    synchronized List<Integer> batchSizes() {
        return List.copyOf(batchSizes);
    }
}
