package dev.ioflow.core.persistence;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.JavaTypeSystem;
import dev.ioflow.core.TypeSystem;
import dev.ioflow.core.persistence.memory.InMemoryItemRepository;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SAP's back references: an order entry keyed by its order and entry number is posted inside the order without
 * naming the order; the nearest ancestor of the referenced type is used.
 */
class BackReferenceTest {
    private static final IntegrationObject IO = IntegrationObject.builder("InboundOrder")
            .item("Order", i -> i.root().attribute("code", a -> a.unique()).attribute("entries", a -> a.partOf(true).item("OrderEntry")))
            .item("OrderEntry", i -> i.attribute("order", a -> a.unique().item("Order"))
                    .attribute("entryNumber", a -> a.unique()).attribute("product"))
            .build();
    private static final String ORDER = """
            {"code":"o1","entries":[{"entryNumber":1,"product":"camera"},{"entryNumber":2,"product":"lens"}]}""";

    /** A record order. */
    record Order(String code, List<OrderEntry> entries) {
    }

    /** A record entry. */
    record OrderEntry(Order order, int entryNumber, String product) {
    }

    /** A bean order. */
    public static class BeanOrder {
        private String code;
        private List<BeanEntry> entries = new ArrayList<>();

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public List<BeanEntry> getEntries() {
            return entries;
        }

        public void setEntries(List<BeanEntry> entries) {
            this.entries = entries;
        }
    }

    /** A bean entry. */
    public static class BeanEntry {
        private BeanOrder order;
        private int entryNumber;
        private String product;

        public BeanOrder getOrder() {
            return order;
        }

        public void setOrder(BeanOrder order) {
            this.order = order;
        }

        public int getEntryNumber() {
            return entryNumber;
        }

        public void setEntryNumber(int entryNumber) {
            this.entryNumber = entryNumber;
        }

        public String getProduct() {
            return product;
        }

        public void setProduct(String product) {
            this.product = product;
        }
    }

    @Test
    void recordEntriesReferToTheOrderTheyArePostedIn() {
        check(JavaTypeSystem.of(Order.class));
    }

    @Test
    void beanEntriesReferToTheOrderTheyArePostedIn() {
        check(JavaTypeSystem.builder().type("Order", BeanOrder.class).type("OrderEntry", BeanEntry.class).build());
    }

    private static void check(TypeSystem types) {
        IntegrationObjectStore store = IntegrationObjectStore.of(IO, types);
        ItemRepository repository = new InMemoryItemRepository();
        Object order = repository.inTransaction(work -> store.upsert(work, store.reader().read(ORDER.getBytes(UTF_8))));
        repository.inTransaction(work -> store.upsert(work, store.reader().read(ORDER.replace("lens", "hood").getBytes(UTF_8))));

        try (UnitOfWork work = repository.begin()) {
            assertThat(store.count(work, "Order", null)).isEqualTo(1);
            assertThat(store.count(work, "OrderEntry", null)).as("entries found again by order and number").isEqualTo(2);
            Object second = store.find(work, "OrderEntry", "2|o1"); // OrderEntry_entryNumber sorts before Order_code
            assertThat(InboundModel.read(types.require("OrderEntry"), second, "product")).isEqualTo("hood");
            assertThat((List<?>) InboundModel.read(types.require("Order"), store.find(work, "Order", "o1"), "entries")).hasSize(2);
        }
        assertThat(store.integrationKey("Order", order)).isEqualTo("o1");
        boolean deleted = repository.inTransaction(work -> store.delete(work, "Order", "o1"));
        assertThat(deleted).isTrue();
        try (UnitOfWork work = repository.begin()) {
            assertThat(store.count(work, "OrderEntry", null)).as("partOf cascade").isZero();
        }
    }
}
