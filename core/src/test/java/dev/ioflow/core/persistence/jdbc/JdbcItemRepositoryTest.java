package dev.ioflow.core.persistence.jdbc;

import dev.ioflow.core.TypeSystem;
import dev.ioflow.core.persistence.ItemRepository;
import dev.ioflow.core.persistence.ItemRepositoryContract;
import java.util.UUID;

/** The JDBC implementation of the persistence SPI passes the same contract as the in-memory one, on H2. */
class JdbcItemRepositoryTest extends ItemRepositoryContract {

    @Override
    protected ItemRepository repository(TypeSystem types) {
        return new JdbcItemRepository("jdbc:h2:mem:items-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", types);
    }
}
