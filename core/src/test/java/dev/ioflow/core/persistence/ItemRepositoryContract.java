package dev.ioflow.core.persistence;

import static dev.ioflow.core.persistence.InboundModel.item;
import static dev.ioflow.core.persistence.InboundModel.read;
import static dev.ioflow.core.persistence.ItemFilter.Operator.EQ;
import static dev.ioflow.core.persistence.ItemFilter.Operator.GE;
import static dev.ioflow.core.persistence.ItemFilter.Operator.GT;
import static dev.ioflow.core.persistence.ItemFilter.Operator.LE;
import static dev.ioflow.core.persistence.ItemFilter.Operator.LT;
import static dev.ioflow.core.persistence.ItemFilter.Operator.NE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ioflow.core.ItemType;
import dev.ioflow.core.TypeSystem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract of the persistence SPI: every {@link ItemRepository} implementation should pass it, for records,
 * JavaBeans and map items. Extend it and implement {@link #repository(TypeSystem)} (see
 * {@code InMemoryItemRepositoryTest} and the JDBC one, {@code JdbcItemRepositoryTest}). It lives in core's test
 * sources because the testing module cannot be used from core's tests; implementers outside ioflow may copy it.
 */
public abstract class ItemRepositoryContract {
    private static final Instant MAY = Instant.parse("2020-05-13T12:00:00Z");

    /** A new, empty repository able to store the types of {@code types}. */
    protected abstract ItemRepository repository(TypeSystem types);

    /** Types and items of one model in one repository. */
    private static final class Fixture {
        final ItemRepository repository;
        final ItemType catalog;
        final ItemType version;
        final ItemType unit;
        final ItemType product;

        Fixture(InboundModel model, ItemRepository repository, TypeSystem types) {
            this.repository = repository;
            this.catalog = types.require("Catalog");
            this.version = types.require("CatalogVersion");
            this.unit = types.require("Unit");
            this.product = types.require("Product");
        }

        /** Stores a catalog, its Staged and Online versions, a unit and three products; returns nothing. */
        void seed() {
            repository.inTransaction(work -> {
                Object catalog = insert(work, this.catalog, "id", "Default", "name", "Default catalog");
                Object staged = insert(work, version, "version", "Staged", "catalog", catalog, "active", false);
                Object online = insert(work, version, "version", "Online", "catalog", catalog, "active", true);
                Object pieces = insert(work, unit, "code", "pieces", "name", "Pieces");
                insert(work, product, "code", "p1", "catalogVersion", staged, "price", new BigDecimal("10.50"), "stock", 5,
                        "released", MAY, "status", "approved", "unit", pieces);
                insert(work, product, "code", "p2", "catalogVersion", online, "price", new BigDecimal("8"), "stock", 7,
                        "released", MAY.plusSeconds(86_400), "status", "check", "unit", pieces);
                insert(work, product, "code", "p3", "catalogVersion", online, "price", new BigDecimal("12"), "stock", 5,
                        "status", "approved");
                return null;
            });
        }

        Object insert(UnitOfWork work, ItemType type, Object... values) {
            Object item = item(type, values);
            work.insert(type, item);
            return item;
        }

        List<String> codes(ItemQuery query) {
            try (UnitOfWork work = repository.begin()) {
                return work.query(product, query).stream().map(p -> (String) read(product, p, "code")).toList();
            }
        }

        List<String> codes(ItemFilter filter) {
            return codes(ItemQuery.builder().filter(filter).build());
        }

        Object version(UnitOfWork work, String version) {
            Object catalog = work.find(this.catalog, Map.of("id", "Default"));
            return work.find(this.version, Map.of("version", version, "catalog", catalog));
        }
    }

    private Fixture fixture(InboundModel model) {
        TypeSystem types = model.types();
        return new Fixture(model, repository(types), types);
    }

    @ParameterizedTest
    @EnumSource(InboundModel.class)
    void findsAnInsertedItemByItsUniqueValuesInTheUnitOfWorkAndAfterCommit(InboundModel model) {
        Fixture f = fixture(model);
        try (UnitOfWork work = f.repository.begin()) {
            Object catalog = f.insert(work, f.catalog, "id", "Default", "name", "Default catalog");
            f.insert(work, f.version, "version", "Staged", "catalog", catalog, "active", true);
            assertThat(work.find(f.catalog, Map.of("id", "Default"))).isNotNull();
            assertThat(f.version(work, "Staged")).isNotNull();
            work.commit();
        }
        try (UnitOfWork work = f.repository.begin()) {
            Object version = f.version(work, "Staged");
            assertThat(read(f.version, version, "version")).isEqualTo("Staged");
            assertThat(read(f.catalog, read(f.version, version, "catalog"), "name")).isEqualTo("Default catalog");
            assertThat(work.find(f.catalog, Map.of("id", "Other"))).isNull();
        }
    }

    @ParameterizedTest
    @EnumSource(InboundModel.class)
    void aRolledBackOrUncommittedUnitOfWorkLeavesNothingBehind(InboundModel model) {
        Fixture f = fixture(model);
        try (UnitOfWork work = f.repository.begin()) {
            f.insert(work, f.catalog, "id", "A", "name", "a");
            work.rollback();
        }
        try (UnitOfWork work = f.repository.begin()) {
            f.insert(work, f.catalog, "id", "B", "name", "b");
        }
        assertThatThrownBy(() -> f.repository.inTransaction(work -> {
            f.insert(work, f.catalog, "id", "C", "name", "c");
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        try (UnitOfWork work = f.repository.begin()) {
            assertThat(work.count(f.catalog, null)).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(InboundModel.class)
    void anUpdatedItemReplacesTheStoredOneAndStillMatchesReferencesToIt(InboundModel model) {
        Fixture f = fixture(model);
        f.seed();
        f.repository.inTransaction(work -> {
            Object staged = f.version(work, "Staged");
            Object updated = f.version.factory().update(staged, Map.of("active", true));
            work.update(f.version, staged, updated);
            return null;
        });
        try (UnitOfWork work = f.repository.begin()) {
            Object staged = f.version(work, "Staged");
            assertThat(read(f.version, staged, "active")).isEqualTo(true);
            Object p1 = work.find(f.product, Map.of("code", "p1", "catalogVersion", staged));
            assertThat(p1).as("the product still refers to the updated catalog version").isNotNull();
            assertThat(work.query(f.product, ItemQuery.builder().filter(ItemFilter.compare("catalogVersion", EQ, staged)).build()))
                    .hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(InboundModel.class)
    void aRolledBackUpdateLeavesTheStoredItemAsItWas(InboundModel model) {
        Fixture f = fixture(model);
        f.seed();
        try (UnitOfWork work = f.repository.begin()) {
            Object staged = f.version(work, "Staged");
            Object updated = work.update(f.version, staged, Map.of("active", true));
            assertThat(read(f.version, updated, "active")).isEqualTo(true);
            assertThat(work.count(f.version, ItemFilter.compare("active", EQ, true))).isEqualTo(2);
            work.rollback();
        }
        try (UnitOfWork work = f.repository.begin()) {
            assertThat(read(f.version, f.version(work, "Staged"), "active")).isEqualTo(false);
            assertThat(work.count(f.version, ItemFilter.compare("active", EQ, true))).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(InboundModel.class)
    void deletesAnItem(InboundModel model) {
        Fixture f = fixture(model);
        f.seed();
        f.repository.inTransaction(work -> {
            Object p2 = work.find(f.product, Map.of("code", "p2", "catalogVersion", f.version(work, "Online")));
            work.delete(f.product, p2);
            assertThat(work.count(f.product, null)).as("the unit of work sees its own delete").isEqualTo(2);
            return null;
        });
        assertThat(f.codes(ItemQuery.all())).containsExactly("p1", "p3");
    }

    @ParameterizedTest
    @EnumSource(InboundModel.class)
    void filtersWithEveryOperatorOverTextNumbersAndDates(InboundModel model) {
        Fixture f = fixture(model);
        f.seed();
        assertThat(f.codes(ItemFilter.compare("code", EQ, "p2"))).containsExactly("p2");
        assertThat(f.codes(ItemFilter.compare("code", NE, "p2"))).containsExactly("p1", "p3");
        assertThat(f.codes(ItemFilter.compare("price", GT, price(f, "10.5")))).containsExactly("p3");
        assertThat(f.codes(ItemFilter.compare("price", GE, price(f, "10.5")))).containsExactly("p1", "p3");
        assertThat(f.codes(ItemFilter.compare("stock", LT, stock(f, 7)))).containsExactly("p1", "p3");
        assertThat(f.codes(ItemFilter.compare("stock", LE, stock(f, 7)))).containsExactly("p1", "p2", "p3");
        assertThat(f.codes(ItemFilter.compare("released", GT, f.product.factory().convert("released", MAY)))).containsExactly("p2");
        assertThat(f.codes(ItemFilter.compare("released", EQ, null))).containsExactly("p3");
        assertThat(f.codes(ItemFilter.compare("status", EQ, f.product.factory().convert("status", "check")))).containsExactly("p2");
    }

    @ParameterizedTest
    @EnumSource(InboundModel.class)
    void combinesConditionsWithAndAndOr(InboundModel model) {
        Fixture f = fixture(model);
        f.seed();
        assertThat(f.codes(ItemFilter.and(ItemFilter.compare("stock", EQ, stock(f, 5)),
                ItemFilter.compare("price", LT, price(f, "11"))))).containsExactly("p1");
        assertThat(f.codes(ItemFilter.or(ItemFilter.compare("code", EQ, "p1"),
                ItemFilter.and(ItemFilter.compare("code", EQ, "p3"), ItemFilter.compare("stock", EQ, stock(f, 5))))))
                .containsExactly("p1", "p3");
    }

    @ParameterizedTest
    @EnumSource(InboundModel.class)
    void filtersThroughOneReferenceAndByTheReferencedItem(InboundModel model) {
        Fixture f = fixture(model);
        f.seed();
        assertThat(f.codes(ItemFilter.compare("catalogVersion/version", EQ, "Online"))).containsExactly("p2", "p3");
        assertThat(f.codes(ItemFilter.compare("unit/code", NE, "pieces"))).as("p3 has no unit: null differs from 'pieces'")
                .containsExactly("p3");
        assertThat(f.codes(ItemFilter.compare("unit/code", GE, "a"))).containsExactly("p1", "p2");
        try (UnitOfWork work = f.repository.begin()) {
            Object online = f.version(work, "Online");
            assertThat(work.query(f.product, ItemQuery.builder().filter(ItemFilter.compare("catalogVersion", EQ, online)).build()))
                    .hasSize(2);
            assertThat(work.count(f.product, ItemFilter.compare("catalogVersion", NE, online))).isEqualTo(1);
            assertThat(work.count(f.product, ItemFilter.compare("unit", EQ, null))).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(InboundModel.class)
    void ordersByOneOrMoreAttributesAndPages(InboundModel model) {
        Fixture f = fixture(model);
        f.seed();
        assertThat(f.codes(ItemQuery.builder().orderBy("price", true).build())).containsExactly("p3", "p1", "p2");
        assertThat(f.codes(ItemQuery.builder().orderBy("stock", false).orderBy("code", true).build()))
                .containsExactly("p3", "p1", "p2");
        assertThat(f.codes(ItemQuery.builder().orderBy("code", false).skip(1).top(1).build())).containsExactly("p2");
        assertThat(f.codes(ItemQuery.builder().orderBy("code", false).skip(5).build())).isEmpty();
        assertThat(f.codes(ItemQuery.builder().orderBy("code", false).top(0).build())).isEmpty();
        try (UnitOfWork work = f.repository.begin()) {
            assertThat(work.count(f.product, ItemFilter.compare("stock", EQ, stock(f, 5)))).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(InboundModel.class)
    void refusesUnknownAttributesAndNonUniqueLookups(InboundModel model) {
        Fixture f = fixture(model);
        f.seed();
        try (UnitOfWork work = f.repository.begin()) {
            assertThatThrownBy(() -> work.query(f.product, ItemQuery.builder().filter(ItemFilter.compare("colour", EQ, "red")).build()))
                    .isInstanceOf(InvalidQueryException.class).hasMessageContaining("colour")
                    .extracting(e -> ((InvalidQueryException) e).reason()).isEqualTo(InvalidQueryException.Reason.UNKNOWN_ATTRIBUTE);
            assertThatThrownBy(() -> work.find(f.product, Map.of("stock", stock(f, 5))))
                    .isInstanceOf(InvalidQueryException.class)
                    .extracting(e -> ((InvalidQueryException) e).reason()).isEqualTo(InvalidQueryException.Reason.NOT_UNIQUE);
        }
    }

    @ParameterizedTest
    @EnumSource(InboundModel.class)
    void aUnitOfWorkDoesNotSeeAnotherOnesUncommittedChanges(InboundModel model) {
        Fixture f = fixture(model);
        try (UnitOfWork writer = f.repository.begin()) {
            f.insert(writer, f.catalog, "id", "Default", "name", "n");
            try (UnitOfWork reader = f.repository.begin()) {
                assertThat(reader.find(f.catalog, Map.of("id", "Default"))).isNull();
            }
            writer.commit();
        }
        try (UnitOfWork reader = f.repository.begin()) {
            assertThat(reader.find(f.catalog, Map.of("id", "Default"))).isNotNull();
        }
    }

    private static Object price(Fixture f, String value) {
        return f.product.factory().convert("price", new BigDecimal(value));
    }

    private static Object stock(Fixture f, int value) {
        return f.product.factory().convert("stock", value);
    }
}
