package dev.ioflow.webhook.memory;

import dev.ioflow.webhook.DestinationHealth;
import dev.ioflow.webhook.spi.DestinationHealthStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default {@link DestinationHealthStore}: gone when the JVM stops, so a restart enables every destination
 * again (with the in-memory outbox, whatever was parked is gone too).
 *
 * @since 1.1
 */
public final class InMemoryDestinationHealthStore implements DestinationHealthStore {
    private final Map<String, DestinationHealth> states = new ConcurrentHashMap<>();

    /** An empty store. */
    public InMemoryDestinationHealthStore() {
        // every destination healthy
    }

    @Override
    public List<DestinationHealth> loadAll() {
        return List.copyOf(states.values());
    }

    @Override
    public void saveAll(List<DestinationHealth> healths) {
        for (DestinationHealth health : healths) {
            if (health.healthy()) {
                states.remove(health.destinationId());
            } else {
                states.put(health.destinationId(), health);
            }
        }
    }

    @Override
    public String toString() {
        return "InMemoryDestinationHealthStore" + states.keySet();
    }
}
