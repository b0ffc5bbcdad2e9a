package dev.ioflow.core.internal.render;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.Date;

/**
 * SAP's text form of one integration-key value: dates as epoch milliseconds (local dates and date-times taken
 * at UTC, as the SAP payload style writes them), enums by name, decimals
 * without exponent, anything else by {@code toString()}; then URL-encoded as UTF-8 with {@link URLEncoder}'s
 * rules, as SAP does ({@code |} becomes {@code %7C}, a space becomes {@code +}, non-ASCII is percent-encoded).
 * A value that has no such form (text with a lone surrogate, a number beyond {@link ValueLimits}) is a
 * {@link RenderFailure}: two different items never share a key.
 */
final class KeyValues {
    private KeyValues() {
    }

    /** The encoded key text of a non-null value. */
    static String encoded(Object value) {
        return urlEncode(text(value));
    }

    static String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Date d) {
            return Long.toString(d.getTime());
        }
        if (value instanceof Instant i) {
            return Long.toString(i.toEpochMilli());
        }
        if (value instanceof Calendar c) {
            return Long.toString(c.getTimeInMillis());
        }
        if (value instanceof OffsetDateTime t) {
            return Long.toString(t.toInstant().toEpochMilli());
        }
        if (value instanceof ZonedDateTime t) {
            return Long.toString(t.toInstant().toEpochMilli());
        }
        if (value instanceof LocalDate d) {
            return Long.toString(d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
        }
        if (value instanceof LocalDateTime t) {
            return Long.toString(t.toInstant(ZoneOffset.UTC).toEpochMilli());
        }
        if (value instanceof BigDecimal d) {
            return ValueLimits.decimal(d).toPlainString();
        }
        if (value instanceof BigInteger i) {
            return ValueLimits.integer(i).toString();
        }
        return value.toString();
    }

    /**
     * URL-encodes {@code text}, returning it unchanged (no copy) when every character is one URLEncoder keeps.
     *
     * @throws RenderFailure when the text has a lone surrogate: URLEncoder would encode it as {@code ?}, giving
     *                       {@code order\uD800} the key of {@code order?}
     */
    static String urlEncode(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            if (!keptAsIs(text.charAt(i))) {
                return URLEncoder.encode(ValueLimits.text(text), StandardCharsets.UTF_8);
            }
        }
        return text;
    }

    private static boolean keptAsIs(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '-' || c == '*' || c == '_';
    }
}
