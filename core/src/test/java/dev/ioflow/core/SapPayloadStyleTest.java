package dev.ioflow.core;

import static dev.ioflow.core.RenderFixtures.ioProduct;
import static dev.ioflow.core.RenderFixtures.product;
import static dev.ioflow.core.RenderFixtures.types;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SapPayloadStyleTest {

    record Values(String id, long count, BigInteger big, BigDecimal amount, int small, double ratio, Date date,
                  LocalDate day, LocalDateTime dayTime) {
    }

    record Text(String id, Map<Locale, String> name, Map<Locale, String> description) {
    }

    private static String sap(IntegrationObject io, TypeSystem types, Object item, Locale locale) {
        return PayloadRenderer.builder(io, types).style(PayloadStyle.SAP).defaultLocale(locale).build().render(item).jsonString();
    }

    @Test
    void rendersSapsOutboundExample() {
        String json = sap(ioProduct(), types(), product("P1"), Locale.ENGLISH);

        assertThat(json).isEqualTo("{\"code\":\"P1\","
                + "\"catalogVersion\":{\"version\":\"Staged\",\"catalog\":{\"id\":\"Default\",\"integrationKey\":\"Default\"},"
                + "\"integrationKey\":\"Staged|Default\"},"
                + "\"name\":\"english value\","
                + "\"localizedAttributes\":[{\"language\":\"en\",\"name\":\"english value\"},{\"language\":\"fr\",\"name\":\"french value\"}],"
                + "\"approvalStatus\":{\"code\":\"approved\"},\"creationtime\":\"/Date(1589376000000)/\","
                + "\"integrationKey\":\"Staged|Default|P1\"}");
    }

    @Test
    void writesLargeNumbersAsStringsAndDatesAsSapDates() {
        IntegrationObject io = IntegrationObject.builder("ioValues")
                .item("Values", i -> i.root().attribute("id", a -> a.unique()).attribute("count").attribute("big")
                        .attribute("amount").attribute("small").attribute("ratio").attribute("date").attribute("day")
                        .attribute("dayTime"))
                .build();
        Values values = new Values("v1", 9_007_199_254_740_993L, new BigInteger("123456789012345678901234567890"),
                new BigDecimal("1E+3"), 7, 0.5, new Date(1589376000000L), LocalDate.of(2020, 5, 13),
                LocalDateTime.of(2020, 5, 13, 12, 0));

        assertThat(sap(io, JavaTypeSystem.of(Values.class), values, Locale.ENGLISH)).isEqualTo("{\"id\":\"v1\","
                + "\"count\":\"9007199254740993\",\"big\":\"123456789012345678901234567890\",\"amount\":\"1000\","
                + "\"small\":7,\"ratio\":0.5,\"date\":\"/Date(1589376000000)/\",\"day\":\"/Date(1589328000000)/\","
                + "\"dayTime\":\"/Date(1589371200000)/\",\"integrationKey\":\"v1\"}");
    }

    @Test
    void writesTheConfiguredDefaultLocalesTextAtTopLevel() {
        String json = sap(ioProduct(), types(), product("P1"), Locale.FRENCH);

        assertThat(json).contains("\"name\":\"french value\",\"localizedAttributes\":[");
    }

    @Test
    void fallsBackToAnotherCountryOfTheDefaultLanguage() {
        Text text = new Text("t1", RenderFixtures.localized("en-US", "color", "en-GB", "colour"), null);

        assertThat(sap(textIo(), JavaTypeSystem.of(Text.class), text, Locale.ENGLISH))
                .startsWith("{\"id\":\"t1\",\"name\":\"colour\",");
    }

    @Test
    void listsAllLocalizedAttributesByLanguageAfterTheLastOne() {
        Text text = new Text("t1", RenderFixtures.localized("fr", "nom", "de", "Name"),
                RenderFixtures.localized("de", "Beschreibung", "en", "description"));

        assertThat(sap(textIo(), JavaTypeSystem.of(Text.class), text, Locale.ENGLISH)).isEqualTo("{\"id\":\"t1\","
                + "\"description\":\"description\",\"localizedAttributes\":["
                + "{\"language\":\"de\",\"name\":\"Name\",\"description\":\"Beschreibung\"},"
                + "{\"language\":\"en\",\"description\":\"description\"},"
                + "{\"language\":\"fr\",\"name\":\"nom\"}],\"integrationKey\":\"t1\"}");
    }

    @Test
    void leavesTheListOutWhenNoLocalizedTextIsSet() {
        Text text = new Text("t1", null, Map.of());

        assertThat(sap(textIo(), JavaTypeSystem.of(Text.class), text, Locale.ENGLISH))
                .isEqualTo("{\"id\":\"t1\",\"integrationKey\":\"t1\"}");
    }

    private static IntegrationObject textIo() {
        return IntegrationObject.builder("ioText")
                .item("Text", i -> i.root().attribute("id", a -> a.unique()).attribute("name").attribute("description"))
                .build();
    }
}
