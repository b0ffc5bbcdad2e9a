package dev.ioflow.webhook;

import dev.ioflow.webhook.spi.DeliveryOutcome;
import dev.ioflow.webhook.spi.DeliveryTarget;
import dev.ioflow.webhook.spi.Delivery;

import static dev.ioflow.webhook.Fixtures.CUSTOMERS;
import static dev.ioflow.webhook.Fixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PerKeyOrderingTest {
    private static final Pattern VERSION = Pattern.compile("v(\\d+)@");
    private static final int KEYS = 50;
    private static final int VERSIONS = 40;

    /** Records, per key, the versions in the order they arrive; fails some calls so retries interleave. */
    private static final class SequenceRecorder implements DeliveryTarget {
        final Map<String, List<Integer>> arrivals = new ConcurrentHashMap<>();
        final AtomicInteger inFlightMax = new AtomicInteger();
        final AtomicInteger inFlight = new AtomicInteger();
        final Map<String, AtomicInteger> perKeyInFlight = new ConcurrentHashMap<>();
        final List<String> overlaps = new CopyOnWriteArrayList<>();

        @Override
        public List<DeliveryOutcome> deliver(List<Delivery> batch) {
            Delivery change = batch.get(0);
            AtomicInteger keyCount = perKeyInFlight.computeIfAbsent(change.integrationKey(), k -> new AtomicInteger());
            if (keyCount.incrementAndGet() > 1) {
                overlaps.add(change.integrationKey());
            }
            inFlightMax.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(ThreadLocalRandom.current().nextInt(2));
                if (ThreadLocalRandom.current().nextInt(10) == 0) {
                    return List.of(DeliveryOutcome.retryable(503, "flaky", null));
                }
                Matcher m = VERSION.matcher(new String(change.payload(), StandardCharsets.UTF_8));
                m.find();
                arrivals.computeIfAbsent(change.integrationKey(), k -> new CopyOnWriteArrayList<>())
                        .add(Integer.parseInt(m.group(1)));
                return List.of(DeliveryOutcome.delivered(200, "ok"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of(DeliveryOutcome.retryable(0, "interrupted", null));
            } finally {
                inFlight.decrementAndGet();
                keyCount.decrementAndGet();
            }
        }
    }

    @Test
    void eachKeysChangesArriveInOrderWhileKeysAreDeliveredInParallel() throws Exception {
        SequenceRecorder receiver = new SequenceRecorder();
        ExecutorService producers = Executors.newFixedThreadPool(4);
        try (WebhookService service = WebhookService.builder()
                .threads(4)
                .retryPolicy(RetryPolicy.builder().initialDelay(Duration.ofMillis(1)).maxDelay(Duration.ofMillis(5))
                        .maxAttempts(100).build())
                .pollInterval(Duration.ofMillis(20))
                .webhook(WebhookConfiguration.builder(CUSTOMERS, "crm").target(receiver).build())
                .build()) {
            service.start();
            List<Future<?>> done = new ArrayList<>();
            for (int p = 0; p < 4; p++) {
                int producer = p;
                done.add(producers.submit(() -> {
                    // each key belongs to one producer, which saves its versions in order
                    for (int v = 1; v <= VERSIONS; v++) {
                        for (int k = producer; k < KEYS; k += 4) {
                            service.saved(customer("c" + k, "v" + v + "@example.com"));
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            assertThat(service.awaitIdle(Duration.ofSeconds(60))).isTrue();
        } finally {
            producers.shutdownNow();
        }

        assertThat(receiver.overlaps).isEmpty();
        assertThat(receiver.arrivals).hasSize(KEYS);
        receiver.arrivals.forEach((key, versions) -> {
            assertThat(versions).as("versions of %s", key).isSorted().doesNotHaveDuplicates();
            assertThat(versions).as("last version of %s", key).last().isEqualTo(VERSIONS);
        });
        assertThat(receiver.inFlightMax.get()).isGreaterThan(1);
    }
}
