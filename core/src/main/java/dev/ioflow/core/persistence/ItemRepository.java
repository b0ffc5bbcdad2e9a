package dev.ioflow.core.persistence;

import dev.ioflow.core.IoflowException;
import java.util.function.Function;

/**
 * Where inbound items are stored: the persistence SPI of ioflow. A repository opens
 * {@link UnitOfWork units of work}; everything is done inside one, and it commits or rolls back as a whole.
 * Implementations exist in memory ({@link dev.ioflow.core.persistence.memory.InMemoryItemRepository}) and are
 * easy to write over JPA (a unit of work is an {@code EntityManager} with its transaction), Spring Data (a
 * {@code TransactionTemplate} and the entities' repositories) or JDBC (a connection with auto-commit off).
 *
 * <pre>{@code
 * ItemRepository repository = new InMemoryItemRepository();
 * Object saved = repository.inTransaction(work -> store.upsert(work, store.reader().read("Product", json)));
 * }</pre>
 *
 * <p>Implementations must be thread-safe: each thread opens its own units of work.
 *
 * @since 1.0
 */
public interface ItemRepository {

    /** Opens a unit of work; the caller commits it or closes it (closing without commit rolls back). */
    UnitOfWork begin();

    /**
     * Runs {@code work} in a new unit of work and commits it; when {@code work} throws, rolls back and rethrows.
     *
     * @throws IoflowException (or whatever {@code work} throws) after rolling back
     */
    default <T> T inTransaction(Function<? super UnitOfWork, ? extends T> work) {
        try (UnitOfWork unit = begin()) {
            T result = work.apply(unit);
            unit.commit();
            return result;
        }
    }
}
