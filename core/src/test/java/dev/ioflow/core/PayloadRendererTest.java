package dev.ioflow.core;

import static dev.ioflow.core.RenderFixtures.ioProduct;
import static dev.ioflow.core.RenderFixtures.product;
import static dev.ioflow.core.RenderFixtures.types;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PayloadRendererTest {

    record Customer(String customerID, String contactEmail, String firstName, String lastName) {
    }

    enum Level { GOLD, SILVER }

    record Values(String id, long count, BigDecimal amount, int small, double ratio, boolean flag, Level level,
                  Instant instant, Date date, LocalDate day, LocalDateTime dayTime, List<String> tags, Set<Level> levels,
                  Map<String, Object> extras) {
    }

    private static final IntegrationObject IO_CUSTOMER = IntegrationObject.builder("ioCustomer")
            .item("Customer", i -> i.root().attribute("customerID", a -> a.unique()).attribute("contactEmail"))
            .build();

    @Test
    void rendersAttributesInDefinitionOrderWithTheIntegrationKeyLast() {
        Payload payload = PayloadRenderer.of(IO_CUSTOMER, JavaTypeSystem.of(Customer.class))
                .render(new Customer("c1", "c1@example.com", "Ada", "Lovelace"));

        assertThat(payload.jsonString()).isEqualTo("{\"customerID\":\"c1\",\"contactEmail\":\"c1@example.com\",\"integrationKey\":\"c1\"}");
        assertThat(payload.integrationKey()).isEqualTo("c1");
        assertThat(payload.integrationObject()).isEqualTo("ioCustomer");
    }

    @Test
    void readsEachAttributeFromItsSourceUnderItsPayloadName() {
        IntegrationObject io = IntegrationObject.builder("ioCustomer")
                .item("Customer", i -> i.root().attribute("id", a -> a.source("customerID").unique())
                        .attribute("email", a -> a.source("contactEmail")))
                .build();

        assertThat(PayloadRenderer.of(io, JavaTypeSystem.of(Customer.class)).render(new Customer("c1", "c1@example.com", null, null))
                .jsonString()).isEqualTo("{\"id\":\"c1\",\"email\":\"c1@example.com\",\"integrationKey\":\"c1\"}");
    }

    @Test
    void leavesNullValuesOut() {
        String json = PayloadRenderer.of(IO_CUSTOMER, JavaTypeSystem.of(Customer.class))
                .render(new Customer("c1", null, null, null)).jsonString();

        assertThat(json).isEqualTo("{\"customerID\":\"c1\",\"integrationKey\":\"c1\"}");
    }

    @Test
    void rendersNestedItemsAsObjectsEachWithItsIntegrationKey() {
        String json = PayloadRenderer.of(ioProduct(), types()).render(product("P1")).jsonString();

        assertThat(json).startsWith("{\"code\":\"P1\",\"catalogVersion\":{\"version\":\"Staged\","
                + "\"catalog\":{\"id\":\"Default\",\"integrationKey\":\"Default\"},\"integrationKey\":\"Staged|Default\"},");
    }

    @Test
    void rendersACollectionOfItemsAsAnArrayOfObjects() {
        IntegrationObject io = IntegrationObject.builder("ioProduct")
                .item("Product", i -> i.root().attribute("code", a -> a.unique()).attribute("images", a -> a.item("Media")))
                .item("Media", i -> i.attribute("mediaCode", a -> a.unique()).attribute("url"))
                .build();

        String json = PayloadRenderer.of(io, types()).render(product("P1")).jsonString();

        assertThat(json).isEqualTo("{\"code\":\"P1\",\"images\":["
                + "{\"mediaCode\":\"m1\",\"url\":\"https://example.com/m1.png\",\"integrationKey\":\"m1\"},"
                + "{\"mediaCode\":\"m2\",\"integrationKey\":\"m2\"}],\"integrationKey\":\"P1\"}");
    }

    @Test
    void writesPlainValuesWithIsoDatesAndJsonNumbers() {
        IntegrationObject io = IntegrationObject.builder("ioValues")
                .item("Values", i -> {
                    i.root().attribute("id", a -> a.unique());
                    List.of("count", "amount", "small", "ratio", "flag", "level", "instant", "date", "day", "dayTime",
                            "tags", "levels", "extras").forEach(i::attribute);
                })
                .build();
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("zeta", 1);
        extras.put("alpha", List.of("x"));
        extras.put("skipped", null);
        Values values = new Values("v1", 9_007_199_254_740_993L, new BigDecimal("1E+3"), 7, 0.5, true, Level.GOLD,
                Instant.parse("2020-05-13T12:00:00Z"), new Date(1589371200000L), LocalDate.of(2020, 5, 13),
                LocalDateTime.of(2020, 5, 13, 12, 0), List.of("a", "b"), new TreeSet<>(Set.of(Level.SILVER, Level.GOLD)), extras);

        String json = PayloadRenderer.of(io, JavaTypeSystem.of(Values.class)).render(values).jsonString();

        assertThat(json).isEqualTo("{\"id\":\"v1\",\"count\":9007199254740993,\"amount\":1000,\"small\":7,\"ratio\":0.5,"
                + "\"flag\":true,\"level\":\"GOLD\",\"instant\":\"2020-05-13T12:00:00Z\",\"date\":\"2020-05-13T12:00:00Z\","
                + "\"day\":\"2020-05-13\",\"dayTime\":\"2020-05-13T12:00:00\",\"tags\":[\"a\",\"b\"],"
                + "\"levels\":[\"GOLD\",\"SILVER\"],\"extras\":{\"alpha\":[\"x\"],\"zeta\":1},\"integrationKey\":\"v1\"}");
    }

    record Samples(String id, boolean[] flags, float[] ratios, short[] sizes, char[] grades) {
    }

    @Test
    void writesEveryPrimitiveArrayAsAJsonArray() {
        IntegrationObject io = IntegrationObject.builder("ioSamples")
                .item("Samples", i -> i.root().attribute("id", a -> a.unique())
                        .attribute("flags").attribute("ratios").attribute("sizes").attribute("grades"))
                .build();
        Samples samples = new Samples("s1", new boolean[] {true, false}, new float[] {1.5f}, new short[] {3}, new char[] {'a', 'b'});

        assertThat(PayloadRenderer.of(io, JavaTypeSystem.of(Samples.class)).render(samples).jsonString())
                .isEqualTo("{\"id\":\"s1\",\"flags\":[true,false],\"ratios\":[1.5],\"sizes\":[3],\"grades\":[\"a\",\"b\"],"
                        + "\"integrationKey\":\"s1\"}");
    }

    @Test
    void writesDecimalsWithoutExponent() {
        IntegrationObject io = IntegrationObject.builder("ioProduct")
                .item("Product", i -> i.root().attribute("code", a -> a.unique()).attribute("price").attribute("tax"))
                .build();
        Map<String, Object> item = Map.of("code", "P1", "price", new BigDecimal("1.5E+3"), "tax", new BigDecimal("1E-7"));

        assertThat(PayloadRenderer.of(io, MapTypeSystem.derivedFrom(io)).render(item).jsonString())
                .isEqualTo("{\"code\":\"P1\",\"price\":1500,\"tax\":0.0000001,\"integrationKey\":\"P1\"}");
    }

    @Test
    void writesLocalizedTextAsAnObjectKeyedByLanguageTagInPlainStyle() {
        String json = PayloadRenderer.of(ioProduct(), types()).render(product("P1")).jsonString();

        assertThat(json).contains("\"name\":{\"en\":\"english value\",\"fr\":\"french value\"},\"approvalStatus\":\"approved\","
                + "\"creationtime\":\"2020-05-13T13:20:00Z\",\"integrationKey\":\"Staged|Default|P1\"}");
    }

    @Test
    void computesVirtualAttributesWithTheRegisteredFunction() {
        IntegrationObject io = IntegrationObject.builder("ioCustomer")
                .item("Customer", i -> i.root().attribute("customerID", a -> a.unique()).virtualAttribute("fullName", "model://fullName"))
                .build();
        PayloadRenderer renderer = PayloadRenderer.builder(io, JavaTypeSystem.of(Customer.class))
                .virtualFunction("model://fullName", item -> ((Customer) item).firstName() + " " + ((Customer) item).lastName())
                .build();

        assertThat(renderer.render(new Customer("c1", null, "Ada", "Lovelace")).jsonString())
                .isEqualTo("{\"customerID\":\"c1\",\"fullName\":\"Ada Lovelace\",\"integrationKey\":\"c1\"}");
    }

    @Test
    void rejectsAVirtualAttributeWithoutARegisteredFunction() {
        IntegrationObject io = IntegrationObject.builder("ioCustomer")
                .item("Customer", i -> i.root().attribute("customerID", a -> a.unique()).virtualAttribute("fullName", "model://fullName"))
                .build();

        assertThatThrownBy(() -> PayloadRenderer.of(io, JavaTypeSystem.of(Customer.class)))
                .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(e.problems())
                        .containsExactly(new DefinitionProblem("ioCustomer/items/Customer/attributes/fullName",
                                "no virtual attribute function is registered for logic location 'model://fullName'")));
    }

    @Test
    void rejectsAPayloadNameTheRendererWritesItself() {
        IntegrationObject io = IntegrationObject.builder("ioCustomer")
                .item("Customer", i -> i.root().attribute("customerID", a -> a.unique())
                        .attribute("integrationKey", a -> a.source("contactEmail")))
                .build();

        assertThatThrownBy(() -> PayloadRenderer.of(io, JavaTypeSystem.of(Customer.class)))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("ioCustomer/items/Customer/attributes/integrationKey: the payload name 'integrationKey' is reserved");
    }

    @Test
    void validatesTheDefinitionAgainstTheTypeSystemWhenBuilt() {
        IntegrationObject io = IntegrationObject.builder("ioCustomer")
                .item("Customer", i -> i.root().attribute("customerID", a -> a.unique()).attribute("nickname"))
                .build();

        assertThatThrownBy(() -> PayloadRenderer.of(io, JavaTypeSystem.of(Customer.class)))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("ioCustomer/items/Customer/attributes/nickname");
    }

    @Test
    void rendersMapItemsWithASchemaDerivedFromTheDefinition() {
        IntegrationObject io = IntegrationObject.builder("ioProduct")
                .item("Product", i -> i.root().attribute("code", a -> a.unique()).attribute("price")
                        .attribute("images", a -> a.item("Media")))
                .item("Media", i -> i.attribute("mediaCode", a -> a.unique()))
                .build();
        Map<String, Object> item = Map.of("code", "P1", "price", new BigDecimal("9.50"),
                "images", List.of(Map.of("mediaCode", "m1"), Map.of("mediaCode", "m2")));

        String json = PayloadRenderer.of(io, MapTypeSystem.derivedFrom(io)).render(item).jsonString();

        assertThat(json).isEqualTo("{\"code\":\"P1\",\"price\":9.50,\"images\":[{\"mediaCode\":\"m1\",\"integrationKey\":\"m1\"},"
                + "{\"mediaCode\":\"m2\",\"integrationKey\":\"m2\"}],\"integrationKey\":\"P1\"}");
    }

    @Test
    void rendersItemsOfAHandBuiltTypeSystem() {
        ItemType customer = ItemType.builder("Customer")
                .attribute(AttributeDescriptor.of("customerID", ValueKind.STRING, item -> ((String[]) item)[0]))
                .attribute(AttributeDescriptor.of("contactEmail", ValueKind.STRING, item -> ((String[]) item)[1]))
                .instances(item -> item instanceof String[])
                .build();
        PayloadRenderer renderer = PayloadRenderer.of(IO_CUSTOMER, TypeSystem.of(customer));

        assertThat(renderer.render(new String[] {"c1", "c1@example.com"}).jsonString())
                .isEqualTo("{\"customerID\":\"c1\",\"contactEmail\":\"c1@example.com\",\"integrationKey\":\"c1\"}");
        assertThat(renderer.accepts(new String[0])).isTrue();
        assertThat(renderer.accepts("c1")).isFalse();
    }

    @Test
    void streamsTheSameBytesToACallersGenerator() throws Exception {
        PayloadRenderer renderer = PayloadRenderer.of(ioProduct(), types());
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = new ObjectMapper().getFactory().createGenerator(out)) {
            renderer.render(product("P1"), generator);
        }

        assertThat(out.toString()).isEqualTo(new String(renderer.renderJson(product("P1")), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void givesTheSameContentAsATree() throws Exception {
        PayloadRenderer renderer = PayloadRenderer.builder(ioProduct(), types()).style(PayloadStyle.SAP).build();

        String fromTree = new ObjectMapper().writeValueAsString(renderer.renderTree(product("P1")));

        assertThat(fromTree).isEqualTo(renderer.render(product("P1")).jsonString());
    }

    @Test
    void keepsTheScaleOfDecimalsInTheTree() {
        IntegrationObject io = IntegrationObject.builder("ioProduct")
                .item("Product", i -> i.root().attribute("code", a -> a.unique()).attribute("price"))
                .build();

        assertThat(PayloadRenderer.of(io, types()).renderTree(product("P1")).get("price").decimalValue())
                .isEqualTo(new BigDecimal("19.90"));
    }

    @Test
    void namesThePathOfAValueThatCannotBeRead() {
        IntegrationObject io = IntegrationObject.builder("ioCustomer")
                .item("Customer", i -> i.root().attribute("customerID", a -> a.unique()).virtualAttribute("fullName", "model://fullName"))
                .build();
        PayloadRenderer renderer = PayloadRenderer.builder(io, JavaTypeSystem.of(Customer.class))
                .virtualFunction("model://fullName", item -> {
                    throw new IllegalStateException("no name service");
                })
                .build();

        assertThatThrownBy(() -> renderer.renderJson(new Customer("c1", null, null, null)))
                .isInstanceOfSatisfying(ItemRenderException.class, e -> assertThat(e.path()).isEqualTo("ioCustomer/Customer/fullName"))
                .hasMessageContaining("no name service")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void namesThePathWhenANestedValueIsNotAnItemOfTheExpectedType() {
        IntegrationObject io = IntegrationObject.builder("ioProduct")
                .item("Product", i -> i.root().attribute("code", a -> a.unique()).attribute("images", a -> a.item("Media")))
                .item("Media", i -> i.attribute("mediaCode", a -> a.unique()))
                .build();
        Map<String, Object> item = Map.of("code", "P1", "images", List.of(Map.of("mediaCode", "m1"), "not a map"));

        assertThatThrownBy(() -> PayloadRenderer.of(io, MapTypeSystem.derivedFrom(io)).renderJson(item))
                .isInstanceOfSatisfying(ItemRenderException.class,
                        e -> assertThat(e.path()).isEqualTo("ioProduct/Product/images[1]/Media/mediaCode"))
                .hasMessageContaining("got java.lang.String");
    }

    /** A class that keeps Object's toString(). */
    static final class Opaque {
    }

    @Test
    void rejectsAValueWhoseTextWouldBeAnIdentityHashNamingItsPath() {
        IntegrationObject io = IntegrationObject.builder("ioProduct")
                .item("Product", i -> i.root().attribute("code", a -> a.unique()).attribute("extras"))
                .build();
        Map<String, Object> item = Map.of("code", "P1", "extras", Map.of("supplier", new Opaque()));

        assertThatThrownBy(() -> PayloadRenderer.of(io, MapTypeSystem.derivedFrom(io)).renderJson(item))
                .isInstanceOfSatisfying(ItemRenderException.class, e -> assertThat(e.path()).isEqualTo("ioProduct/Product/extras"))
                .hasMessageContaining(Opaque.class.getName() + " has no text form");
    }
}
