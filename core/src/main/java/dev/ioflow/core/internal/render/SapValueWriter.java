package dev.ioflow.core.internal.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * SAP Commerce's outbound style: dates as {@code "/Date(millis)/"} (local dates and date-times taken at UTC),
 * enums as {@code {"code": name}}, long, BigInteger and BigDecimal values as strings, and localized text as the
 * default locale's value plus one {@code localizedAttributes} list per item:
 * {@code [{"language":"en","name":"…"},{"language":"fr","name":"…"}]}, sorted by language tag. NaN and
 * infinities are written as the OData literals {@code "NaN"}, {@code "INF"} and {@code "-INF"}, as SAP's
 * OData layer (Apache Olingo's {@code Edm.Double}) writes them.
 */
final class SapValueWriter extends ValueWriter {
    static final String LOCALIZED_ATTRIBUTES = "localizedAttributes";
    private static final SerializedString LOCALIZED_ATTRIBUTES_FIELD = new SerializedString(LOCALIZED_ATTRIBUTES);
    private static final SerializedString LANGUAGE_FIELD = new SerializedString("language");
    private static final SerializedString CODE_FIELD = new SerializedString("code");
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private final Locale defaultLocale;

    SapValueWriter(Locale defaultLocale) {
        this.defaultLocale = defaultLocale;
    }

    /** As SAP Commerce's OData layer writes an {@code Edm.Double}: {@code "NaN"}, {@code "INF"}, {@code "-INF"}. */
    @Override
    void writeNonFinite(JsonGenerator g, double value) throws IOException {
        g.writeString(nonFiniteLiteral(value));
    }

    @Override
    void writeLong(JsonGenerator g, long value) throws IOException {
        g.writeString(Long.toString(value));
    }

    @Override
    void writeBigInteger(JsonGenerator g, BigInteger value) throws IOException {
        g.writeString(value.toString());
    }

    @Override
    void writeDecimal(JsonGenerator g, BigDecimal value) throws IOException {
        g.writeString(value.toPlainString());
    }

    @Override
    void writeEnum(JsonGenerator g, Enum<?> value) throws IOException {
        ValueLimits.nest(g);
        g.writeStartObject();
        g.writeFieldName(CODE_FIELD);
        g.writeString(value.name());
        g.writeEndObject();
    }

    @Override
    void writeInstant(JsonGenerator g, Instant value) throws IOException {
        writeMillis(g, value.toEpochMilli());
    }

    @Override
    void writeLocalDate(JsonGenerator g, LocalDate value) throws IOException {
        writeMillis(g, value.toEpochDay() * MILLIS_PER_DAY);
    }

    @Override
    void writeLocalDateTime(JsonGenerator g, LocalDateTime value) throws IOException {
        writeMillis(g, value.toInstant(ZoneOffset.UTC).toEpochMilli());
    }

    private static void writeMillis(JsonGenerator g, long millis) throws IOException {
        g.writeString("/Date(" + millis + ")/");
    }

    @Override
    void writeLocalized(JsonGenerator g, SerializableString name, Map<?, ?> value) throws IOException {
        Object text = LocalizedText.lookup(value, defaultLocale);
        if (text != null) {
            g.writeFieldName(name);
            write(g, text);
        }
    }

    @Override
    void writeLocalizedList(JsonGenerator g, AttributePlan[] localized, Object item) throws IOException {
        Map<String, Object[]> byLanguage = new TreeMap<>();
        for (int a = 0; a < localized.length; a++) {
            if (localized[a].read(item) instanceof Map<?, ?> text) {
                for (Map.Entry<?, ?> entry : text.entrySet()) {
                    if (entry.getValue() != null) {
                        byLanguage.computeIfAbsent(LocalizedText.tag(entry.getKey()), k -> new Object[localized.length])[a] = entry.getValue();
                    }
                }
            }
        }
        if (byLanguage.isEmpty()) {
            return;
        }
        g.writeFieldName(LOCALIZED_ATTRIBUTES_FIELD);
        ValueLimits.nest(g);
        g.writeStartArray();
        for (Map.Entry<String, Object[]> language : byLanguage.entrySet()) {
            ValueLimits.nest(g);
            g.writeStartObject();
            g.writeFieldName(LANGUAGE_FIELD);
            g.writeString(ValueLimits.text(language.getKey()));
            Object[] values = language.getValue();
            for (int a = 0; a < localized.length; a++) {
                if (values[a] != null) {
                    g.writeFieldName(localized[a].fieldName);
                    write(g, values[a]);
                }
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
