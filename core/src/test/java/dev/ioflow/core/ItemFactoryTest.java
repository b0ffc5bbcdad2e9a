package dev.ioflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Write support of the type systems: conversions to declared Java types, records, beans, maps and custom factories. */
class ItemFactoryTest {
    private static final Instant MAY = Instant.parse("2020-05-13T12:00:00Z");

    enum Level { LOW, HIGH }

    record Everything(byte tiny, short small, long big, BigInteger huge, float ratio, char initial, UUID id, URI site,
                      Date date, Calendar calendar, OffsetDateTime offset, Level level, Set<String> tags, TreeSet<Integer> sorted,
                      String[] names, int[] counts, Optional<String> note, boolean flag) {
    }

    private static ItemFactory factory() {
        return JavaTypeSystem.of(Everything.class).require("Everything").factory();
    }

    @Test
    void convertsCanonicalValuesToTheDeclaredJavaTypes() {
        ItemFactory factory = factory();
        Map<String, Object> values = new HashMap<>();
        Object[][] canonical = {{"tiny", 7}, {"small", 300}, {"big", 5L}, {"huge", 12L}, {"ratio", 0.5}, {"initial", "x"},
                {"id", "123e4567-e89b-12d3-a456-426614174000"}, {"site", "https://example.com"}, {"date", MAY},
                {"calendar", MAY}, {"offset", MAY}, {"level", "HIGH"}, {"tags", List.of("b", "a")}, {"sorted", List.of(3, 1)},
                {"names", List.of("n")}, {"counts", List.of(1, 2)}, {"note", "hi"}};
        for (Object[] entry : canonical) {
            values.put((String) entry[0], factory.convert((String) entry[0], entry[1]));
        }
        Everything item = (Everything) factory.create(values);

        assertThat(item.tiny()).isEqualTo((byte) 7);
        assertThat(item.small()).isEqualTo((short) 300);
        assertThat(item.huge()).isEqualTo(BigInteger.valueOf(12));
        assertThat(item.ratio()).isEqualTo(0.5f);
        assertThat(item.initial()).isEqualTo('x');
        assertThat(item.id()).isEqualTo(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
        assertThat(item.site()).isEqualTo(URI.create("https://example.com"));
        assertThat(item.date()).isEqualTo(Date.from(MAY));
        assertThat(item.calendar().toInstant()).isEqualTo(MAY);
        assertThat(item.offset()).isEqualTo(MAY.atOffset(ZoneOffset.UTC));
        assertThat(item.level()).isEqualTo(Level.HIGH);
        assertThat(item.tags()).containsExactly("b", "a");
        assertThat(item.sorted()).containsExactly(1, 3);
        assertThat(item.names()).containsExactly("n");
        assertThat(item.counts()).containsExactly(1, 2);
        assertThat(item.note()).contains("hi");
        assertThat(item.flag()).as("absent primitives take their default").isFalse();
    }

    @Test
    void reportsValuesThatDoNotFit() {
        ItemFactory factory = factory();
        assertThatThrownBy(() -> factory.convert("tiny", 300)).isInstanceOfSatisfying(ValueConversionException.class,
                e -> assertThat(e.outOfRange()).isTrue()).hasMessageContaining("out of the range of a byte");
        assertThatThrownBy(() -> factory.convert("level", "MEDIUM")).isInstanceOfSatisfying(ValueConversionException.class,
                e -> assertThat(e.outOfRange()).isFalse()).hasMessageContaining("[LOW, HIGH]");
        assertThatThrownBy(() -> factory.convert("initial", "xy")).hasMessageContaining("single character");
        assertThatThrownBy(() -> factory.convert("big", BigInteger.TWO.pow(70))).isInstanceOfSatisfying(
                ValueConversionException.class, e -> assertThat(e.outOfRange()).isTrue());
        assertThatThrownBy(() -> factory.convert("id", "not-a-uuid")).hasMessageContaining("not a UUID");
    }

    @Test
    void aRecordUpdateIsANewInstanceWithTheMergedValues() {
        ItemFactory factory = factory();
        Everything first = (Everything) factory.create(Map.of("small", (short) 1, "note", Optional.of("a")));
        Everything second = (Everything) factory.update(first, Map.of("small", (short) 2));
        assertThat(second).isNotSameAs(first);
        assertThat(second.small()).isEqualTo((short) 2);
        assertThat(second.note()).contains("a");
        assertThat(first.small()).isEqualTo((short) 1);
    }

    /** A bean with a read-only property. */
    public static class Account {
        private String name;
        private final BigDecimal balance = BigDecimal.ONE;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public BigDecimal getBalance() {
            return balance;
        }
    }

    @Test
    void aBeanIsUpdatedInPlaceAndAPropertyWithoutSetterIsNotWritable() {
        ItemFactory factory = JavaTypeSystem.of(Account.class).require("Account").factory();
        Account account = (Account) factory.create(Map.of("name", "a"));
        assertThat(factory.update(account, Map.of("name", "b"))).isSameAs(account);
        assertThat(account.getName()).isEqualTo("b");
        assertThat(factory.writable("name")).isTrue();
        assertThat(factory.writable("balance")).isFalse();
    }

    @Test
    void aMapItemCarriesTheDiscriminatorAndAnUnmodifiableMapIsCopiedOnUpdate() {
        MapTypeSystem types = MapTypeSystem.builder().type("Unit", t -> t.attribute("code", ValueKind.STRING))
                .discriminator("itemtype").build();
        ItemFactory factory = types.require("Unit").factory();
        assertThat(factory.create(Map.of("code", "pc"))).isEqualTo(Map.of("itemtype", "Unit", "code", "pc"));
        Map<String, Object> fixed = Map.of("itemtype", "Unit", "code", "pc");
        assertThat(factory.update(fixed, Map.of("code", "box"))).isEqualTo(Map.of("itemtype", "Unit", "code", "box"));
    }

    /** A custom item: what a type system of the user's own would hold. */
    static final class Node {
        String label;
    }

    @Test
    void customTypeSystemsBuildAMutableFactoryFromWriters() {
        ItemType node = ItemType.builder("Node")
                .attribute(AttributeDescriptor.of("label", ValueKind.STRING, i -> ((Node) i).label))
                .instances(Node.class::isInstance)
                .factory(ItemFactory.mutable(Node::new, Map.of("label", (item, value) -> ((Node) item).label = (String) value)))
                .build();
        Node created = (Node) node.factory().create(Map.of("label", "root"));
        assertThat(created.label).isEqualTo("root");
        assertThat(node.factory().writable("colour")).isFalse();
        assertThatThrownBy(() -> node.factory().update(created, Map.of("colour", "red")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'colour' cannot be written");
    }
}
