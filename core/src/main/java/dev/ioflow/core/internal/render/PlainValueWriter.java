package dev.ioflow.core.internal.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Map;

/**
 * The {@code PLAIN} style, also the canonical form hashed for delta detection: ISO-8601 dates (instants in
 * UTC, e.g. {@code 2020-05-13T12:00:00Z}; {@code 2020-05-13}; {@code 2020-05-13T12:00:00}), JSON numbers,
 * enums by name, localized text as an object keyed by language tag. In the canonical form, sets without an
 * order of their own are written sorted by their elements' text, so their iteration order cannot change a hash.
 */
final class PlainValueWriter extends ValueWriter {
    private final boolean canonical;

    /** @param canonical whether this writes the canonical form, where unordered sets are written sorted */
    PlainValueWriter(boolean canonical) {
        this.canonical = canonical;
    }

    @Override
    Collection<?> inOutputOrder(Collection<?> values) {
        return canonical ? UnorderedSets.sorted(values, LocalizedText::tag) : values;
    }

    /**
     * JSON has no NaN or infinity, and a receiver reading a number would fail on text in its place: the payload
     * rejects them. The canonical form (hashed, never sent) writes OData's literal, so that hashing never fails.
     */
    @Override
    void writeNonFinite(JsonGenerator g, double value) throws IOException {
        if (!canonical) {
            throw RenderFailure.unwritable(nonFiniteLiteral(value) + " has no JSON number form: the PLAIN style"
                    + " rejects NaN and infinities (the SAP style writes them as OData's \"NaN\", \"INF\", \"-INF\")");
        }
        g.writeString(nonFiniteLiteral(value));
    }

    @Override
    void writeLong(JsonGenerator g, long value) throws IOException {
        g.writeNumber(value);
    }

    @Override
    void writeBigInteger(JsonGenerator g, BigInteger value) throws IOException {
        g.writeNumber(value);
    }

    /**
     * Writes decimals without exponent, whatever the generator's settings: {@code 1E+3} as {@code 1000}. Decimals
     * whose {@code toString()} is already plain (nearly all) are written as they are, so the string the
     * BigDecimal caches is reused instead of building a new one per render.
     */
    @Override
    void writeDecimal(JsonGenerator g, BigDecimal value) throws IOException {
        if (value.scale() < 0) {
            g.writeNumber(value.setScale(0));
        } else if (value.precision() - value.scale() <= -6) {
            g.writeNumber(value.toPlainString());
        } else {
            g.writeNumber(value);
        }
    }

    @Override
    void writeEnum(JsonGenerator g, Enum<?> value) throws IOException {
        g.writeString(value.name());
    }

    @Override
    void writeInstant(JsonGenerator g, Instant value) throws IOException {
        IsoInstant.write(g, value);
    }

    @Override
    void writeLocalDate(JsonGenerator g, LocalDate value) throws IOException {
        g.writeString(value.toString());
    }

    @Override
    void writeLocalDateTime(JsonGenerator g, LocalDateTime value) throws IOException {
        g.writeString(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(value));
    }

    @Override
    void writeLocalized(JsonGenerator g, SerializableString name, Map<?, ?> value) throws IOException {
        g.writeFieldName(name);
        writeMap(g, value);
    }

    @Override
    void writeLocalizedList(JsonGenerator g, AttributePlan[] localized, Object item) {
        // PLAIN keeps localized text inside each attribute: there is no separate list.
    }
}
