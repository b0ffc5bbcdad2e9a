package dev.ioflow.core.internal.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantTest {
    private final JsonFactory factory = new JsonFactory();

    private String written(Instant instant) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = factory.createGenerator(out)) {
            IsoInstant.write(g, instant);
        }
        return out.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2020-05-13T12:00:00Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z",
            "2000-02-29T01:02:03.000004Z", "2024-12-31T23:59:59.123456789Z", "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z", "1900-03-01T00:00:00.100Z"})
    void writesWhatInstantToStringWrites(String text) throws IOException {
        assertThat(written(Instant.parse(text))).isEqualTo("\"" + text + "\"");
    }

    @Test
    void agreesWithInstantToStringOverRandomInstants() throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(-62_167_219_200L, 253_402_300_800L);
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nano);
            assertThat(written(instant)).as("%s", instant).isEqualTo("\"" + instant + "\"");
        }
    }

    @Test
    void fallsBackToToStringForYearsBeyondFourDigits() throws IOException {
        Instant far = Instant.parse("+10000-01-01T00:00:00Z");

        assertThat(written(far)).isEqualTo("\"+10000-01-01T00:00:00Z\"");
    }
}
