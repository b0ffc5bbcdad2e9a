package dev.ioflow.core.internal.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.RandomAccess;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Writes attribute values by their runtime class (the declared kind is only a hint, so {@code ANY} attributes
 * work). What all styles share lives here; a style decides how dates, enums, large numbers and localized text
 * look. Stateless and thread-safe.
 */
abstract class ValueWriter {
    /**
     * Whether a class keeps {@code Object.toString()}: its text ({@code Customer@1b6d3586}) differs on every run,
     * so writing it would change the payload and its hash each time. Looked up once per class.
     */
    private final ClassValue<Boolean> identityText = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            try {
                return type.getMethod("toString").getDeclaringClass() == Object.class;
            } catch (NoSuchMethodException e) {
                return false;
            }
        }
    };

    /** Writes a non-null value. */
    final void write(JsonGenerator g, Object value) throws IOException {
        if (value instanceof String s) {
            g.writeString(ValueLimits.text(s));
        } else if (value instanceof Integer i) {
            g.writeNumber(i.intValue());
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Long l) {
            writeLong(g, l);
        } else if (value instanceof Double d) {
            writeDouble(g, d);
        } else if (value instanceof BigDecimal d) {
            writeDecimal(g, ValueLimits.decimal(d));
        } else if (value instanceof Enum<?> e) {
            writeEnum(g, e);
        } else if (value instanceof Instant i) {
            writeInstant(g, i);
        } else if (value instanceof Date d) {
            writeInstant(g, Instant.ofEpochMilli(d.getTime()));
        } else if (value instanceof LocalDate d) {
            writeLocalDate(g, d);
        } else if (value instanceof Collection<?> c) {
            writeCollection(g, c);
        } else if (value instanceof Map<?, ?> m) {
            writeMap(g, m);
        } else {
            writeOther(g, value);
        }
    }

    private void writeOther(JsonGenerator g, Object value) throws IOException {
        if (value instanceof Short || value instanceof Byte) {
            g.writeNumber(((Number) value).intValue());
        } else if (value instanceof Float f) {
            writeFloat(g, f);
        } else if (value instanceof BigInteger i) {
            writeBigInteger(g, ValueLimits.integer(i));
        } else if (value instanceof OffsetDateTime t) {
            writeInstant(g, t.toInstant());
        } else if (value instanceof ZonedDateTime t) {
            writeInstant(g, t.toInstant());
        } else if (value instanceof Calendar c) {
            writeInstant(g, Instant.ofEpochMilli(c.getTimeInMillis()));
        } else if (value instanceof LocalDateTime t) {
            writeLocalDateTime(g, t);
        } else if (value instanceof Object[] array) {
            writeCollection(g, Arrays.asList(array));
        } else if (value instanceof Locale l) {
            g.writeString(l.toLanguageTag());
        } else {
            writePrimitiveArrayOrText(g, value);
        }
    }

    private void writePrimitiveArrayOrText(JsonGenerator g, Object value) throws IOException {
        if (value instanceof int[] ints) {
            ValueLimits.nest(g);
            g.writeArray(ints, 0, ints.length);
        } else if (value instanceof double[] doubles) {
            ValueLimits.nest(g);
            g.writeStartArray();
            for (double d : doubles) {
                writeDouble(g, d);
            }
            g.writeEndArray();
        } else if (value instanceof long[] longs) {
            ValueLimits.nest(g);
            g.writeStartArray();
            for (long l : longs) {
                writeLong(g, l);
            }
            g.writeEndArray();
        } else if (value instanceof byte[] bytes) {
            g.writeBinary(bytes);
        } else if (value.getClass().isArray()) {
            writeOtherPrimitiveArray(g, value);
        } else if (identityText.get(value.getClass())) {
            throw RenderFailure.unwritable("a " + value.getClass().getName() + " has no text form (its toString() is"
                    + " Object's identity hash): render it through a nested item, or give its class a toString()");
        } else {
            g.writeString(ValueLimits.text(value.toString()));
        }
    }

    /**
     * The primitive arrays without a bulk write in Jackson: their {@code toString()} is an identity hash
     * ({@code [Z@5965d37}), which would change the payload and its hash on every run.
     */
    private void writeOtherPrimitiveArray(JsonGenerator g, Object array) throws IOException {
        ValueLimits.nest(g);
        g.writeStartArray();
        if (array instanceof boolean[] booleans) {
            for (boolean b : booleans) {
                g.writeBoolean(b);
            }
        } else if (array instanceof float[] floats) {
            for (float f : floats) {
                writeFloat(g, f);
            }
        } else if (array instanceof short[] shorts) {
            for (short s : shorts) {
                g.writeNumber(s);
            }
        } else {
            for (char c : (char[]) array) {
                g.writeString(ValueLimits.text(String.valueOf(c)));
            }
        }
        g.writeEndArray();
    }

    /** Writes each element in {@linkplain #inOutputOrder output order}; a null element is written as {@code null}. */
    final void writeCollection(JsonGenerator g, Collection<?> collection) throws IOException {
        Collection<?> values = inOutputOrder(collection);
        ValueLimits.nest(g);
        g.writeStartArray();
        if (values instanceof List<?> list && values instanceof RandomAccess) {
            for (int i = 0, n = list.size(); i < n; i++) {
                writeElement(g, list.get(i));
            }
        } else {
            for (Object element : values) {
                writeElement(g, element);
            }
        }
        g.writeEndArray();
    }

    private void writeElement(JsonGenerator g, Object element) throws IOException {
        if (element == null) {
            g.writeNull();
        } else {
            write(g, element);
        }
    }

    /** Writes a map as an object with its keys (as text: language tags for locales) sorted; null values are left out. */
    final void writeMap(JsonGenerator g, Map<?, ?> map) throws IOException {
        ValueLimits.nest(g);
        g.writeStartObject();
        for (Map.Entry<?, ?> entry : sorted(map).entrySet()) {
            if (entry.getValue() != null) {
                g.writeFieldName(ValueLimits.text(LocalizedText.tag(entry.getKey())));
                write(g, entry.getValue());
            }
        }
        g.writeEndObject();
    }

    private static Map<?, ?> sorted(Map<?, ?> map) {
        if (map instanceof SortedMap<?, ?> s && s.comparator() == null && (s.isEmpty() || s.firstKey() instanceof String)) {
            return map;
        }
        Map<String, Object> byText = new TreeMap<>();
        map.forEach((k, v) -> byText.put(LocalizedText.tag(k), v));
        return byText;
    }

    /** The collection's elements in the order to write them: iteration order, unless a form must not depend on it. */
    Collection<?> inOutputOrder(Collection<?> values) {
        return values;
    }

    private void writeDouble(JsonGenerator g, double value) throws IOException {
        if (Double.isFinite(value)) {
            g.writeNumber(value);
        } else {
            writeNonFinite(g, value);
        }
    }

    private void writeFloat(JsonGenerator g, float value) throws IOException {
        if (Float.isFinite(value)) {
            g.writeNumber(value);
        } else {
            writeNonFinite(g, value);
        }
    }

    /**
     * Writes NaN or an infinity (of a double or float), which JSON has no number for: the style writes the
     * text its receivers expect, or throws a {@link RenderFailure}.
     */
    abstract void writeNonFinite(JsonGenerator g, double value) throws IOException;

    /** OData's literal of NaN or an infinity ({@code NaN}, {@code INF}, {@code -INF}), as SAP Commerce writes them. */
    static String nonFiniteLiteral(double value) {
        return Double.isNaN(value) ? "NaN" : value > 0 ? "INF" : "-INF";
    }

    abstract void writeLong(JsonGenerator g, long value) throws IOException;

    abstract void writeBigInteger(JsonGenerator g, BigInteger value) throws IOException;

    abstract void writeDecimal(JsonGenerator g, BigDecimal value) throws IOException;

    abstract void writeEnum(JsonGenerator g, Enum<?> value) throws IOException;

    abstract void writeInstant(JsonGenerator g, Instant value) throws IOException;

    abstract void writeLocalDate(JsonGenerator g, LocalDate value) throws IOException;

    abstract void writeLocalDateTime(JsonGenerator g, LocalDateTime value) throws IOException;

    /** Writes a localized attribute (a map by locale) named {@code name}, or nothing when the style has no value for it. */
    abstract void writeLocalized(JsonGenerator g, SerializableString name, Map<?, ?> value) throws IOException;

    /** Writes the style's list of all localized values of an item, if the style has one. */
    abstract void writeLocalizedList(JsonGenerator g, AttributePlan[] localized, Object item) throws IOException;
}
