package dev.ioflow.emarsys;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Turns one payload value (never null or missing: those are handled by {@link ContactMapping}) into the text
 * Emarsys expects for a field. A converter throws {@link IllegalArgumentException} for a value it cannot convert;
 * the mapping reports it with the attribute's name.
 *
 * <pre>{@code
 * ContactMapping.builder()
 *         .field("birthDate", 4, ValueConverter.date())                 // 1990-05-17T00:00:00Z -> 1990-05-17
 *         .field("newsletter", 31, ValueConverter.optIn())              // true -> 1, false -> 2
 *         .field("gender", 5, ValueConverter.gender())                  // MALE -> 1, FEMALE -> 2
 *         .field("title", 46, ValueConverter.codes(Map.of("MR", "1", "MRS", "2")))
 *         .field("name", 1, ValueConverter.of(String::toUpperCase))
 *         .build();
 * }</pre>
 *
 * @since 0.1
 */
@FunctionalInterface
public interface ValueConverter {

    /**
     * Converts a present, non-null value.
     *
     * @return the field value; null to clear the field
     * @throws IllegalArgumentException when the value cannot be converted
     */
    @Nullable String convert(JsonNode value);

    /** Scalars as their text (numbers unchanged, booleans {@code true}/{@code false}); objects and arrays fail. */
    static ValueConverter text() {
        return value -> {
            if (value.isContainerNode()) {
                throw new IllegalArgumentException("is a JSON " + value.getNodeType().name().toLowerCase(Locale.ROOT)
                        + ", not a single value; map a nested path such as 'attribute.part'");
            }
            return value.asText();
        };
    }

    /** Applies a function to the value's text. */
    static ValueConverter of(Function<String, String> function) {
        Objects.requireNonNull(function, "function");
        ValueConverter text = text();
        return value -> function.apply(text.convert(value));
    }

    /** Dates as {@code YYYY-MM-DD}, instants taken in UTC; see {@link #date(ZoneId)}. */
    static ValueConverter date() {
        return date(ZoneOffset.UTC);
    }

    /**
     * Dates as {@code YYYY-MM-DD}: accepts {@code 2024-05-17}, ISO date-times with or without offset and epoch
     * milliseconds; instants and offset date-times are converted to the calendar date in {@code zone}.
     */
    static ValueConverter date(ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        DateTimeFormatter dateTime = dateTimeFormat();
        return value -> {
            if (value.isIntegralNumber()) {
                return LocalDate.ofInstant(Instant.ofEpochMilli(value.asLong()), zone).toString();
            }
            String text = value.asText();
            try {
                if (text.length() == 10) {
                    return LocalDate.parse(text).toString();
                }
                TemporalAccessor parsed = dateTime.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
                return parsed instanceof OffsetDateTime at
                        ? at.atZoneSameInstant(zone).toLocalDate().toString()
                        : LocalDate.from(parsed).toString();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not an ISO 8601 date or date-time");
            }
        };
    }

    /**
     * ISO date-times with an optional offset written {@code Z}, {@code +02:00}, {@code +0200} or {@code +02}
     * (java.util.Date serializers write the last two), optionally followed by a {@code [zone]}.
     */
    private static DateTimeFormatter dateTimeFormat() {
        return new DateTimeFormatterBuilder()
                .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                .appendPattern("[XXX][XX][X]")
                .optionalStart().appendLiteral('[').parseCaseSensitive().appendZoneRegionId().appendLiteral(']')
                .optionalEnd()
                .toFormatter(Locale.ROOT);
    }

    /** Emarsys opt-in: {@code true} → {@code 1}, {@code false} → {@code 2} (JSON booleans or their text). */
    static ValueConverter optIn() {
        return value -> {
            String text = value.asText().toLowerCase(Locale.ROOT);
            return switch (text) {
                case "true" -> "1";
                case "false" -> "2";
                default -> throw new IllegalArgumentException("'" + value.asText() + "' is not a boolean");
            };
        };
    }

    /** Gender: {@code MALE} → {@code 1}, {@code FEMALE} → {@code 2} (any case; SAP enum objects too). */
    static ValueConverter gender() {
        return codes(Map.of("MALE", "1", "FEMALE", "2"));
    }

    /**
     * Enumeration values to Emarsys choice ids. The value is the text, or for SAP-style enum objects
     * {@code {"code":"MR"}} its {@code code}; matched exactly first, then ignoring case.
     *
     * @param codes payload value → Emarsys choice id
     */
    static ValueConverter codes(Map<String, String> codes) {
        Map<String, String> exact = Map.copyOf(codes);
        Map<String, String> folded = new LinkedHashMap<>();
        exact.forEach((k, v) -> folded.putIfAbsent(k.toLowerCase(Locale.ROOT), v));
        return value -> {
            String text = value.isObject() ? value.path("code").asText() : value.asText();
            String code = exact.get(text);
            if (code == null) {
                code = folded.get(text.toLowerCase(Locale.ROOT));
            }
            if (code == null) {
                throw new IllegalArgumentException("'" + text + "' has no Emarsys code; known values: "
                        + new TreeSet<>(exact.keySet()));
            }
            return code;
        };
    }
}
