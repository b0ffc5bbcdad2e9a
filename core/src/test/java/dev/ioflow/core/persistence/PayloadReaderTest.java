package dev.ioflow.core.persistence;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ioflow.core.ItemDraft;
import dev.ioflow.core.PayloadException;
import dev.ioflow.core.PayloadProblem;
import dev.ioflow.core.PayloadProblem.Kind;
import dev.ioflow.core.PayloadReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Reading inbound payloads into drafts: both payload styles, parsed maps, and every problem at once with its path. */
class PayloadReaderTest {
    private static final Instant MAY = Instant.parse("2020-05-13T12:00:00Z");

    private static PayloadReader reader(InboundModel model) {
        return PayloadReader.of(InboundModel.inboundProduct(), model.types());
    }

    private static byte[] json(String text) {
        return text.getBytes(UTF_8);
    }

    @ParameterizedTest
    @EnumSource(InboundModel.class)
    void readsAPlainPayloadIntoTypedValuesAndNestedDrafts(InboundModel model) {
        ItemDraft draft = reader(model).read(json("""
                {"code":"p1","catalogVersion":{"version":"Staged","catalog":{"id":"Default"}},
                 "name":{"en":"Camera","de":"Kamera"},"price":19.90,"stock":3,"released":"2020-05-13T12:00:00Z",
                 "status":"approved","keywords":["a","b"],"integrationKey":"ignored"}"""));

        assertThat(draft.itemCode()).isEqualTo("Product");
        assertThat(draft.values()).containsKeys("code", "catalogVersion", "name", "price", "stock", "released", "status", "keywords")
                .doesNotContainKey("integrationKey");
        assertThat(draft.values().get("price")).isEqualTo(new BigDecimal("19.90"));
        assertThat(draft.values().get("name")).isEqualTo(Map.of(Locale.ENGLISH, "Camera", Locale.GERMAN, "Kamera"));
        Object released = draft.values().get("released");
        assertThat(released instanceof Date d ? d.toInstant() : released).isEqualTo(MAY);
        assertThat(String.valueOf(draft.values().get("status"))).isEqualTo("approved");
        ItemDraft version = draft.nested("catalogVersion").get(0);
        assertThat(version.path()).isEqualTo("$.catalogVersion");
        assertThat(version.nested("catalog").get(0).values()).containsEntry("id", "Default");
    }

    @ParameterizedTest
    @EnumSource(InboundModel.class)
    void readsSapStyleValues(InboundModel model) {
        ItemDraft draft = reader(model).read(json("""
                {"code":"p1","catalogVersion":{"version":"Staged","catalog":{"id":"Default"}},
                 "name":"Camera","localizedAttributes":[{"language":"de","name":"Kamera"}],
                 "price":"19.90","stock":"3","released":"/Date(1589371200000)/","status":{"code":"check"},
                 "keywords":[{"value":"a"}],"supercategories":{"results":[{"code":"c1"}]}}"""));

        assertThat(draft.values().get("name")).isEqualTo(Map.of(Locale.ENGLISH, "Camera", Locale.GERMAN, "Kamera"));
        assertThat(draft.values().get("price")).isEqualTo(new BigDecimal("19.90"));
        Object released = draft.values().get("released");
        assertThat(released instanceof Date d ? d.toInstant() : released).isEqualTo(MAY);
        assertThat(String.valueOf(draft.values().get("status"))).isEqualTo("check");
        assertThat(List.<Object>copyOf((java.util.Collection<?>) draft.values().get("keywords"))).containsExactly("a");
        assertThat(draft.nested("supercategories")).extracting(ItemDraft::path).containsExactly("$.supercategories[0]");
    }

    @ParameterizedTest
    @EnumSource(InboundModel.class)
    void readsAnEntityAlreadyParsedIntoMapsWithTypedValues(InboundModel model) {
        GregorianCalendar released = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        released.setTimeInMillis(MAY.toEpochMilli());
        Map<String, Object> catalog = Map.of("id", "Default");
        Map<String, Object> entity = new LinkedHashMap<>();
        entity.put("code", "p1");
        entity.put("catalogVersion", Map.of("version", "Staged", "catalog", catalog));
        entity.put("released", released);
        entity.put("price", new BigDecimal("5"));
        entity.put("media", List.of(Map.of("code", "m1", "url", "https://example.com/m1.png")));

        ItemDraft draft = reader(model).withLocale(Locale.GERMAN).read("Product", entity);

        Object value = draft.values().get("released");
        assertThat(value instanceof Date d ? d.toInstant() : value).isEqualTo(MAY);
        assertThat(draft.nested("media")).singleElement().satisfies(m -> assertThat(m.values()).containsEntry("code", "m1"));
    }

    @ParameterizedTest
    @EnumSource(InboundModel.class)
    void reportsEveryProblemAtOnceWithItsJsonPath(InboundModel model) {
        assertThatThrownBy(() -> reader(model).read(json("""
                {"code":"p1","catalogVersion":{"catalog":{"id":7}},"colour":"red","price":"cheap",
                 "stock":3000000000,"released":"13/05/2020","keywords":"a",
                 "supercategories":[{"name":"no code"}, 5]}""")))
                .isInstanceOfSatisfying(PayloadException.class, e -> assertThat(e.problems())
                        .extracting(PayloadProblem::path, PayloadProblem::kind)
                        .containsExactlyInAnyOrder(
                                tuple("$.catalogVersion.catalog.id", Kind.WRONG_TYPE),
                                tuple("$.catalogVersion.catalog.id", Kind.MISSING_KEY),
                                tuple("$.catalogVersion.version", Kind.MISSING_KEY),
                                tuple("$.colour", Kind.UNKNOWN_PROPERTY),
                                tuple("$.price", Kind.INVALID_VALUE),
                                tuple("$.stock", Kind.OUT_OF_RANGE),
                                tuple("$.released", Kind.INVALID_VALUE),
                                tuple("$.keywords", Kind.WRONG_TYPE),
                                tuple("$.supercategories[0].code", Kind.MISSING_KEY),
                                tuple("$.supercategories[1]", Kind.WRONG_TYPE)));
    }

    @ParameterizedTest
    @EnumSource(InboundModel.class)
    void aMissingOrNullKeyIsAProblemExceptAtTheTopOfAPartialRead(InboundModel model) {
        assertThatThrownBy(() -> reader(model).read(json("{\"code\":null}")))
                .isInstanceOfSatisfying(PayloadException.class, e -> assertThat(e.problems())
                        .extracting(PayloadProblem::path, PayloadProblem::kind, PayloadProblem::message)
                        .containsExactly(tuple("$.code", Kind.MISSING_KEY, "key attribute 'code' of item 'Product' is null"),
                                tuple("$.catalogVersion", Kind.MISSING_KEY,
                                        "key attribute 'catalogVersion' of item 'Product' is missing")));
        assertThat(reader(model).readPartial("Product", json("{\"price\":1}")).values()).containsOnlyKeys("price");
    }

    @Test
    void aBeanShortIsRangeCheckedAndAnUnknownEnumConstantIsInvalid() {
        assertThatThrownBy(() -> reader(InboundModel.BEANS).read(json("""
                {"code":"p1","catalogVersion":{"version":"Staged","catalog":{"id":"D"}},"stock":40000,"status":"sold"}""")))
                .isInstanceOfSatisfying(PayloadException.class, e -> assertThat(e.problems())
                        .extracting(PayloadProblem::path, PayloadProblem::kind)
                        .containsExactly(tuple("$.stock", Kind.OUT_OF_RANGE), tuple("$.status", Kind.INVALID_VALUE)));
    }

    @Test
    void malformedJsonIsOneProblemAtTheRoot() {
        assertThatThrownBy(() -> reader(InboundModel.RECORDS).read(json("{\"code\":")))
                .isInstanceOfSatisfying(PayloadException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.path()).isEqualTo("$");
                            assertThat(p.message()).startsWith("malformed JSON");
                        }));
        assertThatThrownBy(() -> reader(InboundModel.RECORDS).read(json("[1]")))
                .isInstanceOf(PayloadException.class).hasMessageContaining("expected a JSON object");
    }

    @Test
    void readsAJacksonTree() throws Exception {
        ItemDraft draft = reader(InboundModel.MAPS).read("Unit", new ObjectMapper().readTree("{\"code\":\"pc\",\"name\":\"Pieces\"}"));
        assertThat(draft.values()).containsEntry("code", "pc").containsEntry("name", "Pieces");
    }

    @Test
    void anUnknownItemCodeIsAnArgumentError() {
        assertThatThrownBy(() -> reader(InboundModel.MAPS).read("Order", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no item 'Order'");
    }
}
