package dev.ioflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds every file of the fuzz corpus ({@code src/test/resources/fuzz}: hostile definition files under
 * {@code definitions}, hostile item files under {@code items}) and mutations of valid files (truncated, a byte
 * order mark, an invalid UTF-8 byte, control characters, deep nesting, huge numbers) to the tool. Each run must end
 * with exit code 1 or 2 (a mutation that stays valid may pass with 0 and nothing on standard error), print no
 * stack trace, and name the file with a line or a path in every problem it prints.
 */
class FuzzCorpusTest {
    /** A problem line: the file, then a line number, or a definition path, JSON path or item path. */
    private static final String LOCATED = "(:\\d+[:\\s].*|: .*(\\$|/|line \\d+|:\\d+).*)";

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> everyHostileDefinitionFileIsRejectedWithALocatedMessage() {
        return corpus("definitions").map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
                () -> assertRejected(file, CliRun.of("validate", file.toString()))));
    }

    @TestFactory
    Stream<DynamicTest> everyHostileItemFileIsRejectedWithALocatedMessage() {
        Path definition = Definitions.write(dir, "ioCustomer.json", Definitions.CUSTOMER_JSON);
        return corpus("items").map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
                () -> assertRejected(file, render(definition, file))));
    }

    @TestFactory
    Stream<DynamicTest> mutatedDefinitionsAndItemsFailCleanlyOrPass() {
        Path definition = Definitions.write(dir, "ioCustomer.json", Definitions.CUSTOMER_JSON);
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] seed : new String[][] {{"def.json", Definitions.CUSTOMER_JSON}, {"def.impex", Definitions.CUSTOMER_IMPEX},
                {"def", Definitions.CUSTOMER_JSON}, {"item.json", ITEM}}) {
            byte[] bytes = seed[1].getBytes(StandardCharsets.UTF_8);
            int n = 0;
            for (byte[] mutant : mutants(bytes)) {
                String name = "m" + n++ + "-" + seed[0];
                boolean item = seed[0].startsWith("item");
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    Path file = write(name, mutant);
                    CliRun run = item ? render(definition, file) : CliRun.of("validate", file.toString());
                    if (run.exitCode() == 0) {
                        assertThat(run.err()).as("a passing run prints no problem").isEmpty();
                    } else {
                        assertRejected(file, run);
                    }
                }));
            }
        }
        return tests.stream();
    }

    private static final String ITEM =
            "{\"customerID\":\"c1\",\"contactEmail\":\"c1@example.com\",\"defaultAddress\":{\"town\":\"Berlin\"}}";

    private static CliRun render(Path definition, Path item) {
        return CliRun.of("render", "--definition", definition.toString(), "--io", "ioCustomer", "--item", item.toString());
    }

    private static void assertRejected(Path file, CliRun run) {
        assertThat(run.exitCode()).as("exit code of %s; stderr: %s; stdout: %s", file, run.err(), run.out()).isIn(ExitCodes.INVALID, ExitCodes.UNREADABLE);
        assertThat(run.err()).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(run.err().lines().toList()).as("problems printed").isNotEmpty()
                .allSatisfy(line -> assertThat(line).as("located under the file's name")
                        .matches(Pattern.quote(file.toString()) + LOCATED));
    }

    /** Truncations, a byte order mark, an invalid byte, control characters, deep nesting and huge numbers. */
    private static List<byte[]> mutants(byte[] seed) {
        List<byte[]> mutants = new ArrayList<>();
        for (int cut = 1; cut < 8; cut++) {
            mutants.add(java.util.Arrays.copyOf(seed, seed.length * cut / 8));
        }
        mutants.add(concat("\uFEFF".getBytes(StandardCharsets.UTF_8), seed));
        mutants.add(insert(seed, seed.length / 2, new byte[] {(byte) 0xC0}));
        mutants.add(insert(seed, seed.length / 3, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}));
        mutants.add(insert(seed, seed.length / 2, new byte[] {0, 7, 27}));
        mutants.add(replaceFirst(seed, "\"c", "\"\\uD800c"));
        mutants.add(replaceFirst(seed, "Customer", "$x"));
        mutants.add(replaceFirst(seed, "\"c1@example.com\"", "1E+100000000"));
        mutants.add(replaceFirst(seed, "\"Berlin\"", "[".repeat(5000) + "]".repeat(5000)));
        mutants.add(replaceFirst(seed, "true", "9".repeat(2000)));
        mutants.add(concat("$a=aaaaaaaaaaaaaaaa\n$b=$a$a$a$a$a$a$a$a$a$a$a$a$a$a$a$a\n$c=$b$b$b$b$b$b$b$b$b$b$b$b$b$b$b$b\n"
                .repeat(1).getBytes(StandardCharsets.UTF_8), replaceFirst(seed, "Address", "$c$c$c$c$c$c$c$c")));
        return mutants;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] insert(byte[] seed, int at, byte[] bytes) {
        return concat(concat(java.util.Arrays.copyOf(seed, at), bytes), java.util.Arrays.copyOfRange(seed, at, seed.length));
    }

    private static byte[] replaceFirst(byte[] seed, String target, String replacement) {
        String text = new String(seed, StandardCharsets.UTF_8);
        int at = text.indexOf(target);
        return (at < 0 ? text : text.substring(0, at) + replacement + text.substring(at + target.length()))
                .getBytes(StandardCharsets.UTF_8);
    }

    private Path write(String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Path> corpus(String kind) {
        try (Stream<Path> files = Files.list(Path.of(FuzzCorpusTest.class.getResource("/fuzz/" + kind).toURI()))) {
            List<Path> sorted = files.sorted().toList();
            assertThat(sorted).as("the %s corpus", kind).hasSizeGreaterThan(10);
            return sorted.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
