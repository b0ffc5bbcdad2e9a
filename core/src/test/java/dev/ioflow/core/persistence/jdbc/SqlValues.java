package dev.ioflow.core.persistence.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ioflow.core.AttributeDescriptor;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Attribute values to and from JDBC columns and JSON text, by the attribute's value kind. */
final class SqlValues {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SqlValues() {
    }

    /** The JDBC value of a non-null single value. */
    static Object toJdbc(AttributeDescriptor attribute, Object value) {
        return switch (attribute.kind()) {
            case DATE -> instant(value).atOffset(ZoneOffset.UTC);
            case ENUM -> value instanceof Enum<?> e ? e.name() : value.toString();
            case INTEGER -> ((Number) value).intValue();
            case STRING -> value.toString();
            default -> value;
        };
    }

    /** The canonical value of a column (see {@code ItemFactory.convert}), or null. */
    static Object fromJdbc(AttributeDescriptor attribute, ResultSet row, String column) throws SQLException {
        Object value = switch (attribute.kind()) {
            case DATE -> {
                OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
                yield time == null ? null : time.toInstant();
            }
            case LOCAL_DATE -> row.getObject(column, LocalDate.class);
            case LOCAL_DATE_TIME -> row.getObject(column, LocalDateTime.class);
            case DECIMAL -> {
                BigDecimal decimal = row.getBigDecimal(column);
                yield decimal == null ? null : decimal.stripTrailingZeros();
            }
            case INTEGER -> row.getInt(column);
            case LONG -> row.getLong(column);
            case DOUBLE -> row.getDouble(column);
            case BOOLEAN -> row.getBoolean(column);
            default -> row.getString(column);
        };
        return row.wasNull() ? null : value;
    }

    static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(plain(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot store as JSON: " + e.getMessage(), e);
        }
    }

    /** Collections, maps and localized text from JSON text, in canonical form. */
    static Object fromJson(AttributeDescriptor attribute, String text) {
        if (text == null) {
            return null;
        }
        try {
            Object value = JSON.readValue(text, Object.class);
            if (attribute.isLocalized() && value instanceof Map<?, ?> map) {
                Map<Locale, Object> localized = new LinkedHashMap<>();
                map.forEach((tag, v) -> localized.put(Locale.forLanguageTag((String) tag), v));
                return localized;
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable: " + e.getMessage(), e);
        }
    }

    static List<Object> elements(Object value) {
        List<Object> list = new ArrayList<>();
        if (value instanceof Collection<?> c) {
            list.addAll(c);
        } else if (value.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                list.add(Array.get(value, i));
            }
        } else {
            list.add(value);
        }
        return list;
    }

    private static Object plain(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> plain = new LinkedHashMap<>();
            map.forEach((k, v) -> plain.put(k instanceof Locale l ? l.toLanguageTag() : String.valueOf(k), v == null ? null : plain(v)));
            return plain;
        }
        if (value instanceof Collection<?> || value.getClass().isArray()) {
            return elements(value).stream().map(e -> e == null ? null : plain(e)).toList();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Date || value instanceof Calendar || value instanceof Temporal) {
            return value instanceof LocalDate || value instanceof LocalDateTime ? value.toString() : instant(value).toString();
        }
        return value;
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Date d) {
            return d.toInstant();
        }
        if (value instanceof Calendar c) {
            return c.toInstant();
        }
        if (value instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (value instanceof ZonedDateTime t) {
            return t.toInstant();
        }
        throw new IllegalArgumentException("not a date: " + value);
    }
}
