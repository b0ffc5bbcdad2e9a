package dev.ioflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TypeSystemTest {

    private static ItemType type(String code) {
        return ItemType.builder(code)
                .attribute(AttributeDescriptor.of("code", ValueKind.STRING, i -> ((Map<?, ?>) i).get("code")))
                .instances(i -> i instanceof Map<?, ?> m && code.equals(m.get("type")))
                .build();
    }

    @Test
    void handBuiltTypesAreFoundByCodeAndByInstance() {
        TypeSystem types = TypeSystem.of(type("Customer"), type("Address"));

        assertThat(types.find("Address").code()).isEqualTo("Address");
        assertThat(types.typeOf(Map.of("type", "Customer")).code()).isEqualTo("Customer");
        assertThat(types.codes()).containsExactly("Customer", "Address");
    }

    @Test
    void handBuiltTypeDeclaredTwiceIsRejected() {
        assertThatThrownBy(() -> TypeSystem.of(type("Customer"), type("Customer")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("item type 'Customer' is declared twice");
    }

    @Test
    void compositeAsksEachTypeSystemInTurnAndListsAllCodes() {
        TypeSystem composite = TypeSystem.composite(TypeSystem.of(type("Customer")),
                MapTypeSystem.builder().type("Customer", t -> t.localized("name")).type("Order", t -> t.localized("note")).build());

        assertThat(composite.require("Customer").attributes()).extracting(AttributeDescriptor::name).containsExactly("code");
        assertThat(composite.find("Order")).isNotNull();
        assertThat(composite.codes()).containsExactly("Customer", "Order");
    }

    @Test
    void typeSystemsThatCannotListTheirTypesHaveNoCodes() {
        TypeSystem onDemand = new TypeSystem() {
            @Override
            public ItemType find(String code) {
                return type(code);
            }

            @Override
            public ItemType typeOf(Object item) {
                return null;
            }
        };

        assertThat(onDemand.codes()).isEmpty();
        assertThat(onDemand.require("Anything").code()).isEqualTo("Anything");
    }

    @Test
    void javaAndMapTypeSystemsListTheirCodes() {
        record Address(String town) {
        }
        record Customer(String customerID, Address address) {
        }

        assertThat(JavaTypeSystem.of(Customer.class).codes()).containsExactly("Customer", "Address");
        assertThat(MapTypeSystem.builder().type("B", t -> t.localized("n")).type("A", t -> t.localized("n")).build().codes())
                .containsExactly("B", "A");
    }
}
