package dev.ioflow.core.internal.inbound;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Calendar;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates in inbound payloads: SAP's {@code /Date(millis)/} (an offset suffix such as {@code +0060} is ignored, as
 * the millis are UTC), ISO-8601 text (instants, offset date-times, local date-times and dates taken at UTC),
 * epoch milliseconds, and the typed values of OData libraries ({@code Calendar}, {@code Date}, {@code java.time}).
 */
final class Dates {
    private static final Pattern SAP_DATE = Pattern.compile("/?Date\\((-?\\d{1,19})(?:[+-]\\d{1,4})?\\)/?");

    private Dates() {
    }

    static Instant instant(Object raw) throws BadValue {
        if (raw instanceof Instant i) {
            return i;
        }
        if (raw instanceof Calendar c) {
            return c.toInstant();
        }
        if (raw instanceof Date d) {
            return Instant.ofEpochMilli(d.getTime());
        }
        if (raw instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (raw instanceof ZonedDateTime t) {
            return t.toInstant();
        }
        if (raw instanceof LocalDateTime t) {
            return t.toInstant(ZoneOffset.UTC);
        }
        if (raw instanceof LocalDate d) {
            return d.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        if (raw instanceof Integer || raw instanceof Long) {
            return Instant.ofEpochMilli(((Number) raw).longValue());
        }
        if (raw instanceof String s) {
            return parse(s.trim());
        }
        throw BadValue.wrongType("a date", raw);
    }

    static LocalDate localDate(Object raw) throws BadValue {
        if (raw instanceof LocalDate d) {
            return d;
        }
        if (raw instanceof String s && s.trim().length() == 10) {
            try {
                return LocalDate.parse(s.trim());
            } catch (DateTimeParseException e) {
                throw BadValue.invalid(BadValue.describe(s) + " is not a date (" + e.getMessage() + ")");
            }
        }
        return instant(raw).atOffset(ZoneOffset.UTC).toLocalDate();
    }

    static LocalDateTime localDateTime(Object raw) throws BadValue {
        if (raw instanceof LocalDateTime t) {
            return t;
        }
        if (raw instanceof String s && !s.isBlank() && Character.isDigit(s.trim().charAt(0)) && !hasZone(s.trim())) {
            try {
                return s.trim().length() == 10 ? LocalDate.parse(s.trim()).atStartOfDay() : LocalDateTime.parse(s.trim());
            } catch (DateTimeParseException e) {
                throw BadValue.invalid(BadValue.describe(s) + " is not a date and time (" + e.getMessage() + ")");
            }
        }
        return LocalDateTime.ofInstant(instant(raw), ZoneOffset.UTC);
    }

    private static boolean hasZone(String s) {
        return s.endsWith("Z") || s.length() > 19 && (s.indexOf('+', 19) > 0 || s.indexOf('-', 19) > 0);
    }

    private static Instant parse(String s) throws BadValue {
        Matcher sap = SAP_DATE.matcher(s);
        try {
            if (sap.matches()) {
                return Instant.ofEpochMilli(Long.parseLong(sap.group(1)));
            }
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (hasZone(s)) {
                return OffsetDateTime.parse(s).toInstant();
            }
            return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException | NumberFormatException e) {
            throw BadValue.invalid(BadValue.describe(s) + " is not a date: use ISO-8601 (2020-05-13T12:00:00Z) or /Date(millis)/");
        }
    }
}
