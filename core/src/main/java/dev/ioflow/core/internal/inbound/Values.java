package dev.ioflow.core.internal.inbound;

import dev.ioflow.core.ValueKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Converts one payload value into the canonical form of a {@link ValueKind} (see
 * {@code ItemFactory.convert}): text, booleans, integers (range-checked), decimals, dates (through
 * {@link Dates}), enum names, maps and localized text. Accepts the JSON form and the typed values an OData
 * library hands over, in both payload styles.
 */
final class Values {
    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private Values() {
    }

    /** The canonical value of a non-null, non-reference payload value. */
    static Object canonical(ValueKind kind, Object raw, Locale locale) throws BadValue {
        return switch (kind) {
            case STRING -> text(raw);
            case BOOLEAN -> bool(raw);
            case INTEGER -> integer(raw);
            case LONG -> whole(raw);
            case DOUBLE -> real(raw);
            case DECIMAL -> decimal(raw);
            case DATE -> Dates.instant(raw);
            case LOCAL_DATE -> Dates.localDate(raw);
            case LOCAL_DATE_TIME -> Dates.localDateTime(raw);
            case ENUM -> enumName(raw);
            case MAP -> map(raw);
            case LOCALIZED -> localized(raw, locale);
            case ANY, ITEM -> raw;
        };
    }

    static String text(Object raw) throws BadValue {
        if (raw instanceof CharSequence || raw instanceof Character || raw instanceof UUID) {
            return raw.toString();
        }
        throw BadValue.wrongType("text", raw);
    }

    private static Boolean bool(Object raw) throws BadValue {
        if (raw instanceof Boolean b) {
            return b;
        }
        if (raw instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.valueOf(s);
        }
        throw BadValue.wrongType("a boolean", raw);
    }

    private static Integer integer(Object raw) throws BadValue {
        BigInteger value = wholeNumber(raw);
        if (value.compareTo(INT_MIN) < 0 || value.compareTo(INT_MAX) > 0) {
            throw BadValue.outOfRange(value + " is out of the range of a 32-bit integer");
        }
        return value.intValue();
    }

    /** A {@code Long}, or a {@code BigInteger} when out of its range. */
    private static Number whole(Object raw) throws BadValue {
        BigInteger value = wholeNumber(raw);
        return value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0 ? (Number) value.longValue() : value;
    }

    private static BigInteger wholeNumber(Object raw) throws BadValue {
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
            return BigInteger.valueOf(((Number) raw).longValue());
        }
        if (raw instanceof BigInteger b) {
            return b;
        }
        BigDecimal decimal = raw instanceof String s ? parseDecimal(s, "a whole number") : numeric(raw, "a whole number");
        try {
            return decimal.stripTrailingZeros().toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw BadValue.invalid(decimal.toPlainString() + " is not a whole number");
        }
    }

    private static Double real(Object raw) throws BadValue {
        if (raw instanceof Double d) {
            return d;
        }
        if (raw instanceof String s) {
            String t = s.trim();
            if (t.equals("NaN") || t.equals("INF") || t.equals("-INF") || t.equals("Infinity") || t.equals("-Infinity")) {
                return t.equals("NaN") ? Double.NaN : t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            return checkedDouble(parseDecimal(t, "a number"));
        }
        if (raw instanceof Float f) {
            return f.doubleValue();
        }
        return checkedDouble(numeric(raw, "a number"));
    }

    private static Double checkedDouble(BigDecimal value) throws BadValue {
        double d = value.doubleValue();
        if (Double.isInfinite(d)) {
            throw BadValue.outOfRange(value + " is out of the range of a double");
        }
        return d;
    }

    private static BigDecimal decimal(Object raw) throws BadValue {
        if (raw instanceof String s) {
            String t = s.trim();
            return parseDecimal(t.endsWith("m") || t.endsWith("M") ? t.substring(0, t.length() - 1) : t, "a decimal number");
        }
        return numeric(raw, "a decimal number");
    }

    private static BigDecimal numeric(Object raw, String expected) throws BadValue {
        if (raw instanceof BigDecimal d) {
            return d;
        }
        if (raw instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
            return BigDecimal.valueOf(((Number) raw).longValue());
        }
        if (raw instanceof Double || raw instanceof Float) {
            double d = ((Number) raw).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw BadValue.invalid(d + " is not " + expected);
            }
            return new BigDecimal(raw.toString());
        }
        throw BadValue.wrongType(expected, raw);
    }

    private static BigDecimal parseDecimal(String text, String expected) throws BadValue {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw BadValue.invalid(BadValue.describe(text) + " is not " + expected);
        }
    }

    private static String enumName(Object raw) throws BadValue {
        if (raw instanceof Map<?, ?> map) {
            Object code = map.get("code");
            if (map.size() == 1 && code instanceof String s) {
                return s;
            }
            throw BadValue.wrongType("an enum value as text or {\"code\": text}", raw);
        }
        if (raw instanceof Enum<?> e) {
            return e.name();
        }
        return text(raw);
    }

    /** A map from a JSON object, or from SAP's {@code [{"key":…,"value":…}]} list. */
    private static Map<String, Object> map(Object raw) throws BadValue {
        Map<String, Object> map = new LinkedHashMap<>();
        if (raw instanceof Map<?, ?> m) {
            m.forEach((k, v) -> map.put(String.valueOf(k), v));
            return map;
        }
        if (raw instanceof List<?> entries) {
            for (Object entry : entries) {
                if (!(entry instanceof Map<?, ?> e) || !(e.get("key") instanceof String key)) {
                    throw BadValue.wrongType("map entries {\"key\": text, \"value\": …}", entry == null ? "null" : entry);
                }
                map.put(key, e.get("value"));
            }
            return map;
        }
        throw BadValue.wrongType("an object", raw);
    }

    /** Localized text from {@code {"en":"…"}} (tags checked) or from a plain string in the reader's locale. */
    static Map<Locale, String> localized(Object raw, Locale locale) throws BadValue {
        Map<Locale, String> text = new LinkedHashMap<>();
        if (raw instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Locale language = e.getKey() instanceof Locale l ? l : language(String.valueOf(e.getKey()));
                text.put(language, e.getValue() == null ? null : text(e.getValue()));
            }
            return text;
        }
        text.put(locale, text(raw));
        return text;
    }

    /** The locale of a language tag, rejecting what is not one. */
    static Locale language(String tag) throws BadValue {
        Locale locale = Locale.forLanguageTag(tag);
        if (tag.isBlank() || locale.getLanguage().isEmpty()) {
            throw BadValue.invalid("'" + tag + "' is not a language tag");
        }
        return locale;
    }
}
