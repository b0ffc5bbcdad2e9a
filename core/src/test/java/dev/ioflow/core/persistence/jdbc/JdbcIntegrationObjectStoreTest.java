package dev.ioflow.core.persistence.jdbc;

import dev.ioflow.core.TypeSystem;
import dev.ioflow.core.persistence.IntegrationObjectStore;
import dev.ioflow.core.persistence.IntegrationObjectStoreTest;
import dev.ioflow.core.persistence.ItemRepository;
import java.util.UUID;

/** SAP's upsert, patch, delete and queries of {@link IntegrationObjectStore} over the JDBC repository on H2. */
class JdbcIntegrationObjectStoreTest extends IntegrationObjectStoreTest {

    @Override
    protected ItemRepository repository(TypeSystem types) {
        return new JdbcItemRepository("jdbc:h2:mem:store-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", types);
    }
}
