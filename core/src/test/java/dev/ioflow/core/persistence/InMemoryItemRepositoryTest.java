package dev.ioflow.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ioflow.core.ItemType;
import dev.ioflow.core.TypeSystem;
import dev.ioflow.core.persistence.memory.InMemoryItemRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The in-memory repository passes the SPI contract, and is safe to share between threads. */
class InMemoryItemRepositoryTest extends ItemRepositoryContract {

    @Override
    protected ItemRepository repository(TypeSystem types) {
        return new InMemoryItemRepository();
    }

    @Test
    void concurrentUnitsOfWorkAllCommit() throws Exception {
        InMemoryItemRepository repository = new InMemoryItemRepository();
        ItemType catalog = InboundModel.RECORDS.types().require("Catalog");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 250; i++) {
                        Object item = InboundModel.item(catalog, "id", thread + "-" + i, "name", "n");
                        repository.inTransaction(work -> {
                            work.insert(catalog, item);
                            return null;
                        });
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(repository.items(catalog)).hasSize(1000);
        try (UnitOfWork work = repository.begin()) {
            assertThat(work.find(catalog, Map.of("id", "3-249"))).isNotNull();
        }
    }

    @Test
    void anEndedUnitOfWorkRefusesWork() {
        InMemoryItemRepository repository = new InMemoryItemRepository();
        ItemType catalog = InboundModel.RECORDS.types().require("Catalog");
        UnitOfWork work = repository.begin();
        work.commit();
        assertThatThrownBy(() -> work.count(catalog, null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ended");
    }
}
