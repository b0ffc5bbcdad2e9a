package dev.ioflow.webhook;

import dev.ioflow.webhook.memory.InMemoryOutbox;
import dev.ioflow.webhook.spi.Delivery;
import dev.ioflow.webhook.spi.Outbox;
import dev.ioflow.webhook.spi.OutboxEntry;
import dev.ioflow.webhook.spi.PendingChange;
import dev.ioflow.webhook.spi.Settlement;

import static dev.ioflow.webhook.Fixtures.CUSTOMERS;
import static dev.ioflow.webhook.Fixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChunkedAppendTest {

    @Test
    void aLargeBatchIsAppendedInChunksAndEveryChangeIsQueued() {
        CountingOutbox outbox = new CountingOutbox();
        RecordingTarget target = new RecordingTarget();
        List<Map<String, Object>> customers = IntStream.range(0, 2_500)
                .mapToObj(i -> customer("c" + i, "c" + i + "@example.com"))
                .toList();
        try (WebhookService service = WebhookService.builder()
                .clock(new ManualClock())
                .outbox(outbox)
                .webhook(WebhookConfiguration.builder(CUSTOMERS, "crm").target(target).build())
                .build()) {

            assertThat(service.saved(customers)).isEqualTo(2_500);

            assertThat(outbox.appendSizes).containsExactly(1_000, 1_000, 500);
            while (service.deliverDue() > 0) {
                // deliver everything on this thread
            }
            assertThat(target.received()).extracting(Delivery::integrationKey)
                    .containsExactlyElementsOf(IntStream.range(0, 2_500).mapToObj(i -> "c" + i).toList());
        }
    }

    /** The in-memory outbox, remembering how many entries each append carried. */
    private static final class CountingOutbox implements Outbox {
        private final InMemoryOutbox delegate = new InMemoryOutbox();
        final List<Integer> appendSizes = new ArrayList<>();

        @Override
        public void append(List<OutboxEntry> entries) {
            appendSizes.add(entries.size());
            delegate.append(entries);
        }

        @Override
        public List<OutboxEntry> claim(int max, Instant now, Duration lease, String owner) {
            return delegate.claim(max, now, lease, owner);
        }

        @Override
        public PendingChange newestLive(String webhookId, String destinationId, String integrationKey) {
            return delegate.newestLive(webhookId, destinationId, integrationKey);
        }

        @Override
        public List<Settlement> settle(List<Settlement> settlements) {
            return delegate.settle(settlements);
        }

        @Override
        public List<OutboxEntry> renew(List<OutboxEntry> claimed, Instant leaseUntil) {
            return delegate.renew(claimed, leaseUntil);
        }

        @Override
        public List<OutboxEntry> deadLetters(int limit) {
            return delegate.deadLetters(limit);
        }

        @Override
        public int replay(List<Long> ids, Instant now) {
            return delegate.replay(ids, now);
        }

        @Override
        public long liveCount() {
            return delegate.liveCount();
        }

        @Override
        public Instant nextDueAt() {
            return delegate.nextDueAt();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
