package dev.ioflow.spring;

import dev.ioflow.webhook.spi.Delivery;
import dev.ioflow.webhook.spi.DeliveryOutcome;
import dev.ioflow.webhook.spi.DeliveryTarget;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** A delivery target that accepts everything and keeps what it got. */
final class RecordingTarget implements DeliveryTarget {
    final BlockingQueue<Delivery> received = new LinkedBlockingQueue<>();

    @Override
    public List<DeliveryOutcome> deliver(List<Delivery> batch) {
        received.addAll(batch);
        return batch.stream().map(d -> DeliveryOutcome.delivered(200, "ok")).toList();
    }
}
