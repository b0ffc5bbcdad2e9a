package dev.ioflow.core.internal.hash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioflow.core.PayloadHash;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Murmur3x128Test {

    /** Published vectors of the reference MurmurHash3_x64_128 (h1, h2), as used by Guava's and Elasticsearch's tests. */
    @ParameterizedTest
    @CsvSource({
            "0, hell, 629942693e10f867, 92db0b82baeb5347",
            "1, hello, a78ddff5adae8d10, 128900ef20900135",
            "2, 'hello ', 8a486b23f422e826, f962a2c58947765f",
            "3, hello w, 2ea59f466f6bed8c, c610990acc428a17",
            "4, hello wo, 79f6305a386c572c, 46305aed3483b94e",
            "5, hello wor, c2219d213ec1f1b5, a1d8e2e0a52785bd",
            "0, The quick brown fox jumps over the lazy dog, e34bbc7bbc071b6c, 7a433ca9c49a9347",
            "0, The quick brown fox jumps over the lazy cog, 658ca970ff85269a, 43fee3eaa68e5c3e"
    })
    void matchesPublishedTestVectors(int seed, String input, String h1, String h2) {
        Murmur3x128 hasher = new Murmur3x128(seed);
        byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
        hasher.write(bytes, 0, bytes.length);

        assertThat(hasher.finish()).isEqualTo(PayloadHash.fromHex(h1 + h2));
    }

    @Test
    void emptyInputWithSeedZeroHashesToZero() {
        assertThat(new Murmur3x128().finish()).isEqualTo(new PayloadHash(0, 0));
    }

    @Test
    void givesTheSameHashHoweverTheBytesAreChunked() {
        byte[] bytes = "{\"code\":\"P1\",\"name\":{\"de\":\"Müller\",\"en\":\"miller\"},\"integrationKey\":\"P1\"}"
                .getBytes(StandardCharsets.UTF_8);
        Murmur3x128 whole = new Murmur3x128();
        whole.write(bytes, 0, bytes.length);

        for (int chunk = 1; chunk <= 33; chunk++) {
            Murmur3x128 chunked = new Murmur3x128();
            for (int offset = 0; offset < bytes.length; offset += chunk) {
                chunked.write(bytes, offset, Math.min(chunk, bytes.length - offset));
            }
            assertThat(chunked.finish()).as("chunks of %d bytes", chunk).isEqualTo(whole.finish());
        }
    }

    @Test
    void givesTheSameHashForSingleByteWrites() {
        byte[] bytes = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);
        Murmur3x128 hasher = new Murmur3x128();
        for (byte b : bytes) {
            hasher.write(b);
        }

        assertThat(hasher.finish()).isEqualTo(PayloadHash.fromHex("e34bbc7bbc071b6c7a433ca9c49a9347"));
    }

    @Test
    void finishingDoesNotChangeTheState() {
        Murmur3x128 hasher = new Murmur3x128();
        hasher.write("hello".getBytes(StandardCharsets.UTF_8), 0, 5);
        PayloadHash first = hasher.finish();

        assertThat(hasher.finish()).isEqualTo(first);
    }
}
