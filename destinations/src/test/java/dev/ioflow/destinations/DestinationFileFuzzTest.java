package dev.ioflow.destinations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: the destination-file reader under hostile input. Every file of the corpus
 * ({@code src/test/resources/fuzz/destination-file}) must end in a {@link DestinationConfigException} whose every
 * problem names where it is (a JSON path, or line and column for syntax errors) and shows no secret; so must
 * every seeded mutation of the corpus, unless the mutation happens to be a valid file. No other exception type.
 */
class DestinationFileFuzzTest {
    private static final String MARK = "S3CR3T";
    private static final SecretResolver SECRETS = SecretResolver.withEnvironment(Map.of(
            "SECRET", "env-S3CR3T-value",
            "SECRET_HTTP_URL", "http://hooks.example.com/services/T000/B000/S3CR3T",
            "SECRET_WITH_NEWLINE", "line-S3CR3T\n"));
    /** A problem names a path inside the file, an unknown top-level field, or the place of a syntax error. */
    private static final Pattern LOCATED = Pattern.compile(
            "(destinations(\\[[^\\n]*?])?[.:]|[^\\s:]+: unknown field|destination file (is not valid JSON at line \\d+, column \\d+"
                    + "|must hold a JSON object))[^\\n]*", Pattern.DOTALL);
    private static final String[] TOKENS = {"\"", "{", "}", "[", "]", ",", ":", "null", "true", "-1", "1e999999",
        "\"${env:SECRET}\"", "\"${env:SECRET_HTTP_URL}\"", "\"${file:/dev/zero}\"", "\"PT99999999999999999999S\"",
        "\"PT9999999999999H\"", "\"\\u0000\"", "\"\\ud800\"", "\"clientCertificate\"", "\"oauth2\"", "\"csrfUrl\"",
        "\"timeouts\"", "\"credential\"", "\"type\"", "\"http://other.example.com/x\""};

    static Stream<Path> corpus() throws IOException, URISyntaxException {
        Path dir = Path.of(DestinationFileFuzzTest.class.getResource("/fuzz/destination-file").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> sorted = files.sorted().toList();
            assertThat(sorted).hasSizeGreaterThanOrEqualTo(40);
            return sorted.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyCorpusFileIsAConfigurationErrorThatSaysWhereAndShowsNoSecret(Path file) throws IOException {
        String json = Files.readString(file, StandardCharsets.UTF_8);

        Throwable thrown = read(json);

        assertThat(thrown).as(file.getFileName().toString()).isInstanceOf(DestinationConfigException.class);
        assertClear((DestinationConfigException) thrown, file.getFileName().toString());
    }

    @Test
    void seededMutationsOfTheCorpusNeverEscapeAsAnotherException() throws Exception {
        List<String> seeds = new ArrayList<>();
        for (Path file : corpus().toList()) {
            seeds.add(Files.readString(file, StandardCharsets.UTF_8));
        }
        seeds.add("{\"destinations\":[{\"id\":\"crm\",\"url\":\"https://crm.example.com/api/\",\"csrfUrl\":\"https://crm.example.com/csrf\","
                + "\"credential\":{\"type\":\"oauth2\",\"tokenUrl\":\"https://auth.example.com/t\",\"clientId\":\"c\",\"clientSecret\":\"${env:SECRET}\"},"
                + "\"headers\":{\"X-Tenant\":\"acme\"},\"timeouts\":{\"connect\":\"PT5S\",\"read\":\"PT20S\",\"call\":\"PT60S\"},"
                + "\"cloudEvents\":true,\"followSameOriginRedirects\":true,\"additionalProperties\":{\"region\":\"eu\"}}]}");
        Random random = new Random(20261202L);
        int valid = 0;
        for (int i = 0; i < 600; i++) {
            String mutant = mutate(seeds.get(random.nextInt(seeds.size())), random);
            Throwable thrown = read(mutant);
            if (thrown == null) {
                valid++;
                continue;
            }
            assertThat(thrown).as("mutant %d: %s", i, mutant).isInstanceOf(DestinationConfigException.class);
            assertClear((DestinationConfigException) thrown, "mutant " + i + ": " + mutant);
        }
        assertThat(valid).as("some mutants stay valid").isLessThan(600);
    }

    private static Throwable read(String json) {
        try {
            DestinationRegistry.fromJson(json, SECRETS);
            return null;
        } catch (RuntimeException | StackOverflowError e) {
            return e;
        }
    }

    private static void assertClear(DestinationConfigException e, String what) {
        assertThat(e.getMessage()).as(what).doesNotContain(MARK);
        assertThat(e.problems()).as(what).isNotEmpty().allSatisfy(problem -> assertThat(problem).matches(LOCATED));
    }

    private static String mutate(String seed, Random random) {
        StringBuilder text = new StringBuilder(seed);
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            int at = text.length() == 0 ? 0 : random.nextInt(text.length());
            switch (random.nextInt(3)) {
                case 0 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(8)));
                case 1 -> text.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
                default -> {
                    int end = Math.min(text.length(), at + random.nextInt(40));
                    text.insert(at, text.substring(at, end));
                }
            }
        }
        return text.toString();
    }
}
