package dev.ioflow.core.persistence.jdbc;

import dev.ioflow.core.TypeSystem;
import dev.ioflow.core.persistence.ItemRepository;
import dev.ioflow.core.persistence.ItemRepositoryContract;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The same contract on PostgreSQL, when {@code IOFLOW_TEST_POSTGRES_URL} names a database (the tables are recreated). */
@EnabledIfEnvironmentVariable(named = "IOFLOW_TEST_POSTGRES_URL", matches = ".+")
class PostgresItemRepositoryTest extends ItemRepositoryContract {

    @Override
    protected ItemRepository repository(TypeSystem types) {
        return new JdbcItemRepository(System.getenv("IOFLOW_TEST_POSTGRES_URL"), types);
    }
}
