package dev.ioflow.webhook.spi;

import dev.ioflow.webhook.DestinationHealth;
import java.util.List;

/**
 * Where the service keeps the {@link DestinationHealth} of destinations that fail or were disabled, so that a
 * disabled destination stays disabled, and a failing one keeps counting towards the
 * {@link dev.ioflow.webhook.DestinationHealthPolicy}, across restarts and application instances. Healthy destinations
 * have no record. In memory by default; the JDBC store is used when the outbox is a JDBC one. Written only when a
 * destination's state changes (failures, successes after failures, disabling, enabling), never on the healthy path.
 * Implementations are thread-safe.
 *
 * @since 1.1
 */
public interface DestinationHealthStore {

    /** Every destination with a record (failing or disabled). */
    List<DestinationHealth> loadAll();

    /** Records these states, replacing earlier ones; a {@linkplain DestinationHealth#healthy() healthy} one removes its record. */
    void saveAll(List<DestinationHealth> states);
}
