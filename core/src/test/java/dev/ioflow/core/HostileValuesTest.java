package dev.ioflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Values that must not be rendered altered or without bound: each is an ItemRenderException naming its path. */
class HostileValuesTest {

    record Doc(String id, Object data) {
    }

    record Numbered(BigDecimal id, String name) {
    }

    private static PayloadRenderer docs(PayloadStyle style) {
        IntegrationObject io = IntegrationObject.builder("ioDoc")
                .item("Doc", i -> i.root().attribute("id", a -> a.unique()).attribute("data"))
                .build();
        return PayloadRenderer.builder(io, JavaTypeSystem.of(Doc.class)).style(style).build();
    }

    private static final PayloadRenderer PLAIN = docs(PayloadStyle.PLAIN);
    private static final PayloadRenderer SAP = docs(PayloadStyle.SAP);

    private static String json(PayloadRenderer renderer, Object item) {
        return new String(renderer.renderJson(item), StandardCharsets.UTF_8);
    }

    @Test
    void aKeyWithALoneSurrogateIsAnErrorNotTheKeyOfTheSameTextWithAQuestionMark() {
        assertThat(PLAIN.integrationKey(new Doc("order?", null))).isEqualTo("order%3F");

        assertThatThrownBy(() -> PLAIN.integrationKey(new Doc("order\uD800", null)))
                .isInstanceOf(ItemRenderException.class)
                .hasMessageContaining("lone surrogate (\\uD800 at index 5)")
                .extracting(e -> ((ItemRenderException) e).path()).isEqualTo("ioDoc/Doc/id");
        assertThatThrownBy(() -> PLAIN.render(new Doc("a\uDC00b", null))).isInstanceOf(ItemRenderException.class);
    }

    @Test
    void aSurrogatePairIsWellFormedText() {
        assertThat(PLAIN.integrationKey(new Doc("\uD83D\uDE00", null))).isEqualTo("%F0%9F%98%80");
        assertThat(PLAIN.renderTree(new Doc("k", "\uD83D\uDE00")).get("data").textValue()).isEqualTo("\uD83D\uDE00");
    }

    @Test
    void aPayloadValueOrMapKeyWithALoneSurrogateIsAnErrorAtItsPath() {
        for (Object bad : List.of("x\uDC00", Map.of("na\uD800me", "v"), List.of("ok", "\uD800"))) {
            for (PayloadRenderer renderer : List.of(PLAIN, SAP)) {
                assertThatThrownBy(() -> renderer.render(new Doc("k", bad)))
                        .isInstanceOf(ItemRenderException.class)
                        .hasMessageContaining("lone surrogate")
                        .extracting(e -> ((ItemRenderException) e).path()).isEqualTo("ioDoc/Doc/data");
            }
        }
    }

    @Test
    void aNumberWithMoreThanAThousandDigitsInPlainFormIsAnError() {
        for (Object huge : List.of(new BigDecimal("1E+100000000"), new BigDecimal("1E-100000000"),
                BigInteger.TEN.pow(1000))) {
            for (PayloadRenderer renderer : List.of(PLAIN, SAP)) {
                assertThatThrownBy(() -> renderer.render(new Doc("k", huge)))
                        .isInstanceOf(ItemRenderException.class)
                        .hasMessageContaining("1000")
                        .extracting(e -> ((ItemRenderException) e).path()).isEqualTo("ioDoc/Doc/data");
            }
        }
        assertThat(json(PLAIN, new Doc("k", new BigDecimal("1E+999")))).contains("\"data\":1" + "0".repeat(999));
        assertThat(json(PLAIN, new Doc("k", BigInteger.TEN.pow(999)))).contains("\"data\":1" + "0".repeat(999));
    }

    @Test
    void aKeyNumberWithMoreThanAThousandDigitsIsAnError() {
        IntegrationObject io = IntegrationObject.builder("ioNum")
                .item("Numbered", i -> i.root().attribute("id", a -> a.unique()).attribute("name"))
                .build();
        PayloadRenderer renderer = PayloadRenderer.of(io, JavaTypeSystem.of(Numbered.class));

        assertThatThrownBy(() -> renderer.integrationKey(new Numbered(new BigDecimal("1E+100000000"), "n")))
                .isInstanceOf(ItemRenderException.class)
                .extracting(e -> ((ItemRenderException) e).path()).isEqualTo("ioNum/Numbered/id");
    }

    @Test
    void plainRejectsNaNAndInfinitiesWhichJsonHasNoNumberFor() {
        for (Object value : List.of(Double.NaN, Double.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, new double[] {1, Double.NaN})) {
            assertThatThrownBy(() -> PLAIN.render(new Doc("k", value)))
                    .isInstanceOf(ItemRenderException.class)
                    .hasMessageContaining("has no JSON number form")
                    .extracting(e -> ((ItemRenderException) e).path()).isEqualTo("ioDoc/Doc/data");
        }
    }

    @Test
    void sapWritesNaNAndInfinitiesAsODataLiterals() {
        assertThat(json(SAP, new Doc("k", Double.NaN))).contains("\"data\":\"NaN\"");
        assertThat(json(SAP, new Doc("k", Double.POSITIVE_INFINITY))).contains("\"data\":\"INF\"");
        assertThat(json(SAP, new Doc("k", new float[] {Float.NEGATIVE_INFINITY, 1.5f}))).contains("\"data\":[\"-INF\",1.5]");
        assertThat(SAP.render(new Doc("k", Double.NaN)).hash()).isNotEqualTo(SAP.render(new Doc("k", 0.0)).hash());
    }

    @Test
    void aMapThatContainsItselfIsAnItemRenderExceptionInEveryForm() {
        Map<String, Object> cyclic = new HashMap<>();
        cyclic.put("self", cyclic);
        Doc doc = new Doc("k", cyclic);

        for (PayloadRenderer renderer : List.of(PLAIN, SAP)) {
            assertThatThrownBy(() -> renderer.render(doc)).isInstanceOf(ItemRenderException.class)
                    .hasMessageContaining("nesting deeper than 1000")
                    .extracting(e -> ((ItemRenderException) e).path()).isEqualTo("ioDoc/Doc/data");
            assertThatThrownBy(() -> renderer.renderTree(doc)).isInstanceOf(ItemRenderException.class);
            assertThatThrownBy(() -> renderer.hash(doc)).isInstanceOf(ItemRenderException.class);
        }
    }

    @Test
    void nestingIsBoundedAtAThousandLevels() {
        assertThat(json(PLAIN, new Doc("k", nestedLists(998)))).contains("]".repeat(998) + ",");
        assertThatThrownBy(() -> PLAIN.render(new Doc("k", nestedLists(1000))))
                .isInstanceOf(ItemRenderException.class)
                .extracting(e -> ((ItemRenderException) e).path()).isEqualTo("ioDoc/Doc/data");
    }

    private static Object nestedLists(int depth) {
        List<Object> root = new ArrayList<>();
        List<Object> list = root;
        for (int i = 1; i < depth; i++) {
            List<Object> inner = new ArrayList<>();
            list.add(inner);
            list = inner;
        }
        return root;
    }
}
