package dev.ioflow.core.persistence;

import static dev.ioflow.core.persistence.InboundModel.item;
import static dev.ioflow.core.persistence.InboundModel.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ioflow.core.ItemType;
import dev.ioflow.core.persistence.memory.InMemoryItemRepository;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The in-memory repository's lookups go through indexes of attribute values: they must answer exactly as a scan
 * would after updates that change the looked-up values, deletes, rollbacks and concurrent snapshots.
 */
class InMemoryItemRepositoryIndexTest {

    private static Object catalog(UnitOfWork work, ItemType catalog, String id) {
        return work.find(catalog, Map.of("id", id));
    }

    private static String name(ItemType catalog, Object item) {
        return (String) read(catalog, item, "name");
    }

    @ParameterizedTest
    @EnumSource(InboundModel.class)
    void anUpdateThatChangesTheLookedUpValueMovesTheItemToItsNewValue(InboundModel model) {
        InMemoryItemRepository repository = new InMemoryItemRepository();
        ItemType catalog = model.types().require("Catalog");
        repository.inTransaction(work -> {
            work.insert(catalog, item(catalog, "id", "A", "name", "first"));
            return null;
        });
        try (UnitOfWork work = repository.begin()) {
            assertThat(catalog(work, catalog, "A")).as("builds the index").isNotNull();
            work.update(catalog, catalog(work, catalog, "A"), Map.of("id", "B"));
            assertThat(catalog(work, catalog, "A")).as("in the unit of work").isNull();
            assertThat(name(catalog, catalog(work, catalog, "B"))).isEqualTo("first");
            work.commit();
        }
        try (UnitOfWork work = repository.begin()) {
            assertThat(catalog(work, catalog, "A")).as("after commit").isNull();
            assertThat(name(catalog, catalog(work, catalog, "B"))).isEqualTo("first");
            work.update(catalog, catalog(work, catalog, "B"), Map.of("id", "A"));
            work.commit();
        }
        try (UnitOfWork work = repository.begin()) {
            assertThat(catalog(work, catalog, "B")).as("changed back").isNull();
            assertThat(name(catalog, catalog(work, catalog, "A"))).isEqualTo("first");
        }
    }

    @ParameterizedTest
    @EnumSource(InboundModel.class)
    void aDeletedItemIsNotFoundAndItsValuesCanBeStoredAgain(InboundModel model) {
        InMemoryItemRepository repository = new InMemoryItemRepository();
        ItemType catalog = model.types().require("Catalog");
        repository.inTransaction(work -> {
            work.insert(catalog, item(catalog, "id", "A", "name", "old"));
            return null;
        });
        repository.inTransaction(work -> {
            work.delete(catalog, catalog(work, catalog, "A"));
            assertThat(catalog(work, catalog, "A")).as("in the unit of work").isNull();
            work.insert(catalog, item(catalog, "id", "A", "name", "new"));
            assertThat(name(catalog, catalog(work, catalog, "A"))).isEqualTo("new");
            return null;
        });
        try (UnitOfWork work = repository.begin()) {
            assertThat(name(catalog, catalog(work, catalog, "A"))).as("one item, not NOT_UNIQUE").isEqualTo("new");
            work.delete(catalog, catalog(work, catalog, "A"));
            work.commit();
        }
        try (UnitOfWork work = repository.begin()) {
            assertThat(catalog(work, catalog, "A")).isNull();
            assertThat(work.count(catalog, null)).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(InboundModel.class)
    void aRolledBackUpdateOrInsertLeavesTheIndexAsItWas(InboundModel model) {
        InMemoryItemRepository repository = new InMemoryItemRepository();
        ItemType catalog = model.types().require("Catalog");
        repository.inTransaction(work -> {
            work.insert(catalog, item(catalog, "id", "A", "name", "first"));
            return null;
        });
        try (UnitOfWork work = repository.begin()) {
            work.update(catalog, catalog(work, catalog, "A"), Map.of("id", "B"));
            work.insert(catalog, item(catalog, "id", "C", "name", "third"));
            assertThat(catalog(work, catalog, "C")).isNotNull();
            work.rollback();
        }
        try (UnitOfWork work = repository.begin()) {
            assertThat(name(catalog, catalog(work, catalog, "A"))).isEqualTo("first");
            assertThat(catalog(work, catalog, "B")).isNull();
            assertThat(catalog(work, catalog, "C")).isNull();
            work.insert(catalog, item(catalog, "id", "B", "name", "second"));
            work.commit();
        }
        try (UnitOfWork work = repository.begin()) {
            assertThat(name(catalog, catalog(work, catalog, "B"))).isEqualTo("second");
            assertThat(work.count(catalog, null)).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(value = InboundModel.class, names = "RECORDS")
    void anOlderUnitOfWorkStillFindsTheValuesOfItsSnapshot(InboundModel model) {
        InMemoryItemRepository repository = new InMemoryItemRepository();
        ItemType catalog = model.types().require("Catalog");
        repository.inTransaction(work -> {
            work.insert(catalog, item(catalog, "id", "A", "name", "first"));
            work.insert(catalog, item(catalog, "id", "D", "name", "doomed"));
            return null;
        });
        try (UnitOfWork older = repository.begin()) {
            assertThat(catalog(older, catalog, "A")).isNotNull();
            repository.inTransaction(work -> {
                work.update(catalog, catalog(work, catalog, "A"), Map.of("id", "B"));
                work.delete(catalog, catalog(work, catalog, "D"));
                return null;
            });
            assertThat(name(catalog, catalog(older, catalog, "A"))).isEqualTo("first");
            assertThat(catalog(older, catalog, "B")).isNull();
            assertThat(name(catalog, catalog(older, catalog, "D"))).isEqualTo("doomed");
        }
        try (UnitOfWork newer = repository.begin()) {
            assertThat(catalog(newer, catalog, "A")).isNull();
            assertThat(catalog(newer, catalog, "D")).isNull();
            assertThat(name(catalog, catalog(newer, catalog, "B"))).isEqualTo("first");
        }
        assertThat(repository.items(catalog)).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(InboundModel.class)
    void findsNumbersByValueWhateverTheirClassAndAbsentValuesByNull(InboundModel model) {
        InMemoryItemRepository repository = new InMemoryItemRepository();
        ItemType product = model.types().require("Product");
        repository.inTransaction(work -> {
            work.insert(product, item(product, "code", "p1", "price", new BigDecimal("10.50"), "stock", 5));
            work.insert(product, item(product, "code", "p2", "stock", 7));
            return null;
        });
        try (UnitOfWork work = repository.begin()) {
            assertThat(read(product, work.find(product, Map.of("price", new BigDecimal("10.5"))), "code")).isEqualTo("p1");
            assertThat(read(product, work.find(product, Map.of("stock", 7L)), "code")).isEqualTo("p2");
            assertThat(read(product, work.find(product, Map.of("stock", 5.0)), "code")).isEqualTo("p1");
            Map<String, Object> noPrice = new HashMap<>();
            noPrice.put("price", null);
            assertThat(read(product, work.find(product, noPrice), "code")).isEqualTo("p2");
            noPrice.put("code", "p1");
            assertThat(work.find(product, noPrice)).as("every value must match").isNull();
            assertThatThrownBy(() -> work.find(product, Map.of("nothing", "x"))).isInstanceOf(InvalidQueryException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(InboundModel.class)
    void aLookupOfAValueHeldByTwoItemsIsNotUnique(InboundModel model) {
        InMemoryItemRepository repository = new InMemoryItemRepository();
        ItemType catalog = model.types().require("Catalog");
        repository.inTransaction(work -> {
            work.insert(catalog, item(catalog, "id", "A", "name", "same"));
            return null;
        });
        try (UnitOfWork work = repository.begin()) {
            work.insert(catalog, item(catalog, "id", "B", "name", "same"));
            assertThatThrownBy(() -> work.find(catalog, Map.of("name", "same")))
                    .isInstanceOfSatisfying(InvalidQueryException.class,
                            e -> assertThat(e.reason()).isEqualTo(InvalidQueryException.Reason.NOT_UNIQUE));
        }
    }
}
