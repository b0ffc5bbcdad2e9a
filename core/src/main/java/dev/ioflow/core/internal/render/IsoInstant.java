package dev.ioflow.core.internal.render;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;

/**
 * Writes an instant exactly as {@link Instant#toString()} does ({@code 2020-05-13T12:00:00Z}, fractions in
 * groups of three digits) but straight into the generator, without the {@code DateTimeFormatter} machinery and
 * the strings it builds: instants are in most payloads, so this is on the hot path. Years outside 0000–9999
 * (which {@code toString()} writes with a sign) go through {@code toString()}.
 */
final class IsoInstant {
    private static final long MIN_SECOND = -62_167_219_200L; // 0000-01-01T00:00:00Z
    private static final long MAX_SECOND = 253_402_300_799L; // 9999-12-31T23:59:59Z
    private static final int SECONDS_PER_DAY = 86_400;

    private IsoInstant() {
    }

    static void write(JsonGenerator g, Instant instant) throws IOException {
        long seconds = instant.getEpochSecond();
        if (seconds < MIN_SECOND || seconds > MAX_SECOND) {
            g.writeString(instant.toString());
            return;
        }
        char[] text = new char[30];
        int length = date(text, Math.floorDiv(seconds, SECONDS_PER_DAY));
        int secondOfDay = Math.floorMod(seconds, SECONDS_PER_DAY);
        text[length++] = 'T';
        length = twoDigits(text, length, secondOfDay / 3600);
        text[length++] = ':';
        length = twoDigits(text, length, secondOfDay / 60 % 60);
        text[length++] = ':';
        length = twoDigits(text, length, secondOfDay % 60);
        length = fraction(text, length, instant.getNano());
        text[length++] = 'Z';
        g.writeString(text, 0, length);
    }

    /** Writes {@code yyyy-MM-dd} of the day {@code epochDay} (days since 1970-01-01), by Hinnant's civil-from-days. */
    private static int date(char[] text, long epochDay) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long shiftedMonth = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * shiftedMonth + 2) / 5 + 1);
        int month = (int) (shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        int length = twoDigits(text, 0, year / 100);
        length = twoDigits(text, length, year % 100);
        text[length++] = '-';
        length = twoDigits(text, length, month);
        text[length++] = '-';
        return twoDigits(text, length, day);
    }

    private static int fraction(char[] text, int length, int nano) {
        if (nano == 0) {
            return length;
        }
        int digits = nano % 1_000_000 == 0 ? 3 : nano % 1000 == 0 ? 6 : 9;
        text[length] = '.';
        int value = nano;
        for (int i = 9; i > digits; i--) {
            value /= 10;
        }
        for (int i = digits; i > 0; i--) {
            text[length + i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return length + 1 + digits;
    }

    private static int twoDigits(char[] text, int length, int value) {
        text[length] = (char) ('0' + value / 10);
        text[length + 1] = (char) ('0' + value % 10);
        return length + 2;
    }
}
