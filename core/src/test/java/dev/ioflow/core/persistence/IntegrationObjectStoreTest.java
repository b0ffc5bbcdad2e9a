package dev.ioflow.core.persistence;

import static dev.ioflow.core.persistence.InboundModel.read;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.ItemType;
import dev.ioflow.core.MissingKeyValueException;
import dev.ioflow.core.PayloadException;
import dev.ioflow.core.PayloadProblem;
import dev.ioflow.core.PayloadProblem.Kind;
import dev.ioflow.core.PayloadRenderer;
import dev.ioflow.core.TypeSystem;
import dev.ioflow.core.persistence.ItemFilter.Operator;
import dev.ioflow.core.persistence.memory.InMemoryItemRepository;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SAP's inbound rules over a repository: upsert, autoCreate/partOf, patch, cascade delete, keys and queries; in
 * memory here, over JDBC in {@code JdbcIntegrationObjectStoreTest}.
 */
public class IntegrationObjectStoreTest {
    private static final String P1 = """
            {"code":"p1","catalogVersion":{"version":"Staged","catalog":{"id":"Default"}},"name":{"en":"Camera"},
             "price":10,"unit":{"code":"pieces"},"supercategories":[{"code":"c1"}],
             "media":[{"code":"m1","url":"https://example.com/m1.png"}],"keywords":["a"]}""";

    /** The repository the store works on; subclasses run the same tests over other repositories. */
    protected ItemRepository repository(TypeSystem types) {
        return new InMemoryItemRepository();
    }

    /** A store, a repository holding the unit "pieces", and the types. */
    private final class Fixture {
        final TypeSystem types;
        final IntegrationObjectStore store;
        final ItemRepository repository;

        Fixture(InboundModel model) {
            types = model.types();
            repository = repository(types);
            store = IntegrationObjectStore.of(InboundModel.inboundProduct(), types);
            post("Unit", "{\"code\":\"pieces\",\"name\":\"Pieces\"}");
        }

        Object post(String itemCode, String json) {
            return repository.inTransaction(work -> store.upsert(work, store.reader().read(itemCode, json.getBytes(UTF_8))));
        }

        Object find(String itemCode, String key) {
            try (UnitOfWork work = repository.begin()) {
                return store.find(work, itemCode, key);
            }
        }

        long count(String itemCode) {
            try (UnitOfWork work = repository.begin()) {
                return store.count(work, itemCode, null);
            }
        }

        ItemType type(String code) {
            return types.require(code);
        }

        List<String> codes(ItemQuery query) {
            try (UnitOfWork work = repository.begin()) {
                return store.query(work, "Product", query).stream().map(p -> (String) read(type("Product"), p, "code")).toList();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(InboundModel.class)
    void aDeepPostCreatesTheItemAndTheNestedItemsItMayCreate(InboundModel model) {
        Fixture f = new Fixture(model);
        Object product = f.post("Product", P1);

        assertThat(f.store.integrationKey("Product", product)).isEqualTo("Staged|Default|p1");
        assertThat(f.find("Product", "Staged|Default|p1")).isNotNull();
        assertThat(f.find("CatalogVersion", "Staged|Default")).isNotNull();
        assertThat(f.find("Category", "c1")).isNotNull();
        assertThat(f.count("Media")).isEqualTo(1);
        Object unit = read(f.type("Product"), product, "unit");
        assertThat(read(f.type("Unit"), unit, "name")).as("the existing unit is referenced").isEqualTo("Pieces");
    }

    @ParameterizedTest
    @EnumSource(InboundModel.class)
    void postingTheSameKeyAgainUpdatesAddingToCollections(InboundModel model) {
        Fixture f = new Fixture(model);
        f.post("Product", P1);
        Object updated = f.post("Product", """
                {"code":"p1","catalogVersion":{"version":"Staged","catalog":{"id":"Default"}},"price":12,
                 "supercategories":[{"code":"c2"},{"code":"c1"}],"keywords":["b"],"name":{"de":"Kamera"}}""");

        assertThat(f.count("Product")).isEqualTo(1);
        assertThat(f.count("CatalogVersion")).isEqualTo(1);
        ItemType product = f.type("Product");
        assertThat(new java.math.BigDecimal(read(product, updated, "price").toString())).isEqualByComparingTo("12");
        assertThat(codes(f.type("Category"), read(product, updated, "supercategories"))).containsExactly("c1", "c2");
        assertThat(List.<Object>copyOf((Collection<?>) read(product, updated, "keywords"))).containsExactly("a", "b");
        assertThat(Map.<Object, Object>copyOf((Map<?, ?>) read(product, updated, "name"))).containsEntry(Locale.ENGLISH, "Camera")
                .containsEntry(Locale.GERMAN, "Kamera");
        assertThat(f.find("Product", "Staged|Default|p1")).as("the stored item is the updated one").satisfies(stored ->
                assertThat(new java.math.BigDecimal(read(product, stored, "price").toString())).isEqualByComparingTo("12"));
    }

    @ParameterizedTest
    @EnumSource(InboundModel.class)
    void aNestedItemThatMayNotBeCreatedMustExistAndItsAbsenceRollsEverythingBack(InboundModel model) {
        Fixture f = new Fixture(model);
        assertThatThrownBy(() -> f.post("Product", P1.replace("pieces", "boxes")))
                .isInstanceOfSatisfying(PayloadException.class, e -> assertThat(e.problems())
                        .extracting(PayloadProblem::path, PayloadProblem::kind)
                        .containsExactly(tuple("$.unit", Kind.MISSING_ITEM)))
                .hasMessageContaining("Required NavigationProperty for EntityType [Unit] does not exist");
        assertThat(f.count("Product")).isZero();
        assertThat(f.count("CatalogVersion")).as("created before the failure, rolled back with it").isZero();
        assertThat(f.count("Category")).isZero();
    }

    @ParameterizedTest
    @EnumSource(InboundModel.class)
    void patchReplacesCollectionsAndKeepsWhatIsLeftOut(InboundModel model) {
        Fixture f = new Fixture(model);
        f.post("Product", P1);
        Object patched = f.repository.inTransaction(work -> f.store.patch(work, "Staged|Default|p1",
                f.store.reader().readPartial("Product", "{\"supercategories\":[{\"code\":\"c3\"}],\"keywords\":[]}".getBytes(UTF_8))));

        ItemType product = f.type("Product");
        assertThat(codes(f.type("Category"), read(product, patched, "supercategories"))).containsExactly("c3");
        assertThat((Collection<?>) read(product, patched, "keywords")).isEmpty();
        assertThat(new java.math.BigDecimal(read(product, patched, "price").toString())).isEqualByComparingTo("10");
        Object missing = f.repository.inTransaction(work -> f.store.patch(work, "Staged|Default|p9",
                f.store.reader().readPartial("Product", "{\"price\":1}".getBytes(UTF_8))));
        assertThat(missing).isNull();
    }

    @ParameterizedTest
    @EnumSource(InboundModel.class)
    void patchRefusesAPayloadKeyOtherThanTheAddressedOne(InboundModel model) {
        Fixture f = new Fixture(model);
        f.post("Product", P1);
        assertThatThrownBy(() -> f.repository.inTransaction(work -> f.store.patch(work, "Staged|Default|p1",
                f.store.reader().readPartial("Product", "{\"code\":\"p2\"}".getBytes(UTF_8)))))
                .isInstanceOfSatisfying(PayloadException.class, e -> assertThat(e.problems().get(0).kind()).isEqualTo(Kind.INVALID_KEY));
        assertThat(f.find("Product", "Staged|Default|p1")).isNotNull();
    }

    @ParameterizedTest
    @EnumSource(InboundModel.class)
    void deleteCascadesToPartOfItemsOnly(InboundModel model) {
        Fixture f = new Fixture(model);
        f.post("Product", P1);
        boolean deleted = f.repository.inTransaction(work -> f.store.delete(work, "Product", "Staged|Default|p1"));
        assertThat(deleted).isTrue();
        assertThat(f.count("Product")).isZero();
        assertThat(f.count("Media")).as("partOf").isZero();
        assertThat(f.count("Category")).as("autoCreate only").isEqualTo(1);
        boolean again = f.repository.inTransaction(work -> f.store.delete(work, "Product", "Staged|Default|p1"));
        assertThat(again).isFalse();
    }

    @ParameterizedTest
    @EnumSource(InboundModel.class)
    void keysAreUrlDecodedAndMalformedKeysAreInvalid(InboundModel model) {
        Fixture f = new Fixture(model);
        Object product = f.post("Product", P1.replace("\"p1\"", "\"p|1 a\""));
        assertThat(f.store.integrationKey("Product", product)).isEqualTo("Staged|Default|p%7C1+a");
        assertThat(f.find("Product", "Staged|Default|p%7C1+a")).isNotNull();
        assertThatThrownBy(() -> f.find("Product", "Staged|p1"))
                .isInstanceOfSatisfying(PayloadException.class, e -> assertThat(e.problems().get(0).kind()).isEqualTo(Kind.INVALID_KEY))
                .hasMessageContaining("has 2 part(s), item 'Product' has 3");
    }

    @ParameterizedTest
    @EnumSource(InboundModel.class)
    void queriesInPayloadNamesWithNavigationAndReferencedKeys(InboundModel model) {
        Fixture f = new Fixture(model);
        f.post("Product", P1);
        f.post("Product", P1.replace("\"p1\"", "\"p2\"").replace("Staged", "Online").replace("10", "8"));
        f.post("Product", P1.replace("\"p1\"", "\"p3\"").replace("10", "12"));

        assertThat(f.codes(ItemQuery.builder().filter(ItemFilter.compare("catalogVersion/version", Operator.EQ, "Staged"))
                .orderBy("code", true).build())).containsExactly("p3", "p1");
        assertThat(f.codes(ItemQuery.builder().filter(ItemFilter.compare("catalogVersion/integrationKey", Operator.EQ,
                "Online|Default")).build())).containsExactly("p2");
        assertThat(f.codes(ItemQuery.builder().filter(ItemFilter.compare("catalogVersion/integrationKey", Operator.EQ,
                "Nope|Default")).build())).isEmpty();
        assertThat(f.codes(ItemQuery.builder().filter(ItemFilter.compare("price", Operator.GT, "9")).orderBy("price", false)
                .build())).containsExactly("p1", "p3");
        try (UnitOfWork work = f.repository.begin()) {
            assertThat(f.store.count(work, "Product", ItemFilter.compare("unit/code", Operator.EQ, "pieces"))).isEqualTo(3);
        }
    }

    /** Units keyed by their mandatory code and optional name, or by the name alone. */
    private static IntegrationObject units(boolean byCode) {
        return IntegrationObject.builder(byCode ? "ioUnit" : "ioUnitByName")
                .item("Unit", i -> i.root().attribute("code", a -> a.unique(byCode)).attribute("name", a -> a.unique()))
                .build();
    }

    private static List<Tuple> missingKeys(IntegrationObjectStore store, String itemCode, String json) {
        try {
            store.reader().read(itemCode, json.getBytes(UTF_8));
        } catch (PayloadException e) {
            return e.problems().stream().map(p -> tuple(p.path(), p.kind())).toList();
        }
        return List.of();
    }

    @ParameterizedTest
    @EnumSource(InboundModel.class)
    void aNullOptionalKeyPartBesideAValueIsKeyedNullInboundAndOutboundAlike(InboundModel model) {
        TypeSystem types = model.types();
        ItemRepository repository = repository(types);
        IntegrationObjectStore store = IntegrationObjectStore.of(units(true), types);

        Object unit = repository.inTransaction(work -> store.upsert(work, store.reader().read("Unit", "{\"code\":\"pc\"}".getBytes(UTF_8))));
        repository.inTransaction(work -> store.upsert(work, store.reader().read("Unit", "{\"code\":\"pc\",\"name\":null}".getBytes(UTF_8))));

        assertThat(store.integrationKey("Unit", unit)).isEqualTo("pc|null");
        assertThat(PayloadRenderer.of(units(true), types).integrationKey(unit)).as("the renderer's key is the store's").isEqualTo("pc|null");
        try (UnitOfWork work = repository.begin()) {
            assertThat(store.count(work, "Unit", null)).as("absent and null are the same key").isEqualTo(1);
            assertThat(store.find(work, "Unit", "pc|null")).isNotNull();
        }
        assertThat(missingKeys(store, "Unit", "{\"name\":\"Pieces\"}")).as("a mandatory key part is still required")
                .containsExactly(tuple("$.code", Kind.MISSING_KEY));
    }

    @ParameterizedTest
    @EnumSource(InboundModel.class)
    void aSinglePartKeyWithoutAValueIsMissingInboundAndOutbound(InboundModel model) {
        TypeSystem types = model.types();
        IntegrationObjectStore store = IntegrationObjectStore.of(units(false), types);

        assertThat(missingKeys(store, "Unit", "{\"code\":\"pc\",\"name\":null}")).containsExactly(tuple("$.name", Kind.MISSING_KEY));
        assertThat(missingKeys(store, "Unit", "{\"code\":\"pc\"}")).containsExactly(tuple("$.name", Kind.MISSING_KEY));
        Object unit = InboundModel.item(types.require("Unit"), "code", "pc");
        assertThatThrownBy(() -> PayloadRenderer.of(units(false), types).integrationKey(unit))
                .isInstanceOfSatisfying(MissingKeyValueException.class, e -> assertThat(e.path()).isEqualTo("ioUnitByName/Unit/name"));
        assertThatThrownBy(() -> store.integrationKey("Unit", unit)).isInstanceOf(MissingKeyValueException.class);
    }

    @ParameterizedTest
    @EnumSource(InboundModel.class)
    void aKeyWhosePartsAreAllNullIsMissingInboundAndOutbound(InboundModel model) {
        TypeSystem types = model.types();
        ItemRepository repository = repository(types);
        IntegrationObject prices = IntegrationObject.builder("ioPrice")
                .item("Product", i -> i.root().attribute("code").attribute("price", a -> a.unique()).attribute("released", a -> a.unique()))
                .build();
        IntegrationObjectStore store = IntegrationObjectStore.of(prices, types);
        PayloadRenderer renderer = PayloadRenderer.of(prices, types);

        assertThat(missingKeys(store, "Product", "{\"code\":\"p1\",\"price\":null}"))
                .containsExactly(tuple("$.price", Kind.MISSING_KEY), tuple("$.released", Kind.MISSING_KEY));
        assertThatThrownBy(() -> renderer.integrationKey(InboundModel.item(types.require("Product"), "code", "p1")))
                .isInstanceOfSatisfying(MissingKeyValueException.class, e -> assertThat(e.path()).isEqualTo("ioPrice/Product/price"));

        Object product = repository.inTransaction(work -> store.upsert(work,
                store.reader().read("Product", "{\"code\":\"p1\",\"price\":\"9.5\"}".getBytes(UTF_8))));
        assertThat(renderer.integrationKey(product)).isEqualTo(store.integrationKey("Product", product)).isEqualTo("9.5|null");
        try (UnitOfWork work = repository.begin()) {
            assertThat(store.find(work, "Product", "9.5|null")).isNotNull();
        }
    }

    @ParameterizedTest
    @EnumSource(InboundModel.class)
    void refusesWhatSapRefusesInQueries(InboundModel model) {
        Fixture f = new Fixture(model);
        assertThat(reason(f, ItemQuery.builder().filter(ItemFilter.compare("integrationKey", Operator.EQ, "x")).build()))
                .isEqualTo(InvalidQueryException.Reason.INTEGRATION_KEY_NOT_SUPPORTED);
        assertThat(reason(f, ItemQuery.builder().filter(ItemFilter.compare("catalogVersion/catalog/id", Operator.EQ, "x")).build()))
                .isEqualTo(InvalidQueryException.Reason.NESTED_TOO_DEEP);
        assertThat(reason(f, ItemQuery.builder().orderBy("catalogVersion/version", false).build()))
                .isEqualTo(InvalidQueryException.Reason.ORDER_BY_NESTED);
        assertThat(reason(f, ItemQuery.builder().orderBy("integrationKey", false).build()))
                .isEqualTo(InvalidQueryException.Reason.ORDER_BY_INTEGRATION_KEY);
        assertThat(reason(f, ItemQuery.builder().filter(ItemFilter.compare("colour", Operator.EQ, "x")).build()))
                .isEqualTo(InvalidQueryException.Reason.UNKNOWN_ATTRIBUTE);
        assertThat(reason(f, ItemQuery.builder().filter(ItemFilter.compare("released", Operator.GT, "yesterday")).build()))
                .isEqualTo(InvalidQueryException.Reason.INVALID_VALUE);
    }

    private static InvalidQueryException.Reason reason(Fixture f, ItemQuery query) {
        try (UnitOfWork work = f.repository.begin()) {
            f.store.query(work, "Product", query);
            throw new AssertionError("expected the query to be refused: " + query);
        } catch (InvalidQueryException e) {
            return e.reason();
        }
    }

    private static List<String> codes(ItemType type, Object items) {
        List<String> codes = new ArrayList<>();
        for (Object item : (Collection<?>) items) {
            codes.add((String) read(type, item, "code"));
        }
        return codes;
    }
}
