package dev.ioflow.core.persistence;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ioflow.core.AttributeDescriptor;
import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.ItemFactory;
import dev.ioflow.core.ItemType;
import dev.ioflow.core.PayloadException;
import dev.ioflow.core.PayloadProblem;
import dev.ioflow.core.TypeSystem;
import dev.ioflow.core.ValueKind;
import dev.ioflow.core.persistence.memory.InMemoryItemRepository;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SAP's key rule inbound: an attribute unique in the type system is a key attribute even when the IO does not flag it. */
class TypeSystemKeyTest {

    @Test
    void aTypeSystemUniqueAttributeIsRequiredAndKeysTheItem() {
        ItemType unit = ItemType.builder("Unit")
                .attribute(AttributeDescriptor.builder("code", ValueKind.STRING, i -> ((Map<?, ?>) i).get("code")).unique(true).build())
                .attribute(AttributeDescriptor.of("name", ValueKind.STRING, i -> ((Map<?, ?>) i).get("name")))
                .instances(Map.class::isInstance)
                .factory(ItemFactory.mutable(LinkedHashMap::new, Map.of(
                        "code", (item, value) -> put(item, "code", value), "name", (item, value) -> put(item, "name", value))))
                .build();
        IntegrationObject io = IntegrationObject.builder("InboundUnit")
                .item("Unit", i -> i.root().attribute("code").attribute("name"))
                .build();
        IntegrationObjectStore store = IntegrationObjectStore.of(io, TypeSystem.of(unit));
        ItemRepository repository = new InMemoryItemRepository();

        assertThatThrownBy(() -> store.reader().read("{\"name\":\"Pieces\"}".getBytes(UTF_8)))
                .isInstanceOfSatisfying(PayloadException.class, e -> assertThat(e.problems())
                        .extracting(PayloadProblem::path).containsExactly("$.code"));
        repository.inTransaction(work -> store.upsert(work, store.reader().read("{\"code\":\"pc\",\"name\":\"a\"}".getBytes(UTF_8))));
        repository.inTransaction(work -> store.upsert(work, store.reader().read("{\"code\":\"pc\",\"name\":\"b\"}".getBytes(UTF_8))));

        try (UnitOfWork work = repository.begin()) {
            assertThat(store.count(work, "Unit", null)).isEqualTo(1);
            assertThat(store.find(work, "Unit", "pc")).isEqualTo(Map.of("code", "pc", "name", "b"));
        }
    }

    @SuppressWarnings("unchecked")
    private static void put(Object item, String key, Object value) {
        ((Map<String, Object>) item).put(key, value);
    }
}
