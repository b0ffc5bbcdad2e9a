package dev.ioflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regressions of issue 10 in the tool: each hostile input is a clear, located error, never a stack trace or a '?'. */
class HostileInputTest {
    private static final String IO = "{\"code\":\"ioA\",\"items\":[{\"code\":\"A\",\"root\":true,\"attributes\":[{\"name\":\"id\",\"unique\":true}]}]}";

    @TempDir
    Path dir;

    @Test
    void jsonAfterAByteOrderMarkInAFileWithoutExtensionIsReadAsJson() {
        Path file = Definitions.write(dir, "ioCustomer", "\uFEFF" + Definitions.CUSTOMER_JSON);

        CliRun run = CliRun.of("validate", file.toString());

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("1 integration object");
    }

    @Test
    void twoIntegrationObjectsWithTheSameCodeAreRejectedAtTheSecondOnesLine() {
        Path file = Definitions.write(dir, "twice.json", "[\n" + IO + ",\n" + IO + "\n]\n");

        CliRun run = CliRun.of("validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith(file + ":3:")
                .contains("a second integration object with the code 'ioA' (the first is at line 2)");
    }

    @Test
    void aLoneSurrogateInADefinitionIsRejectedNotPrintedAsAQuestionMark() {
        Path file = Definitions.write(dir, "io.json", IO.replace("ioA", "io\\uD800"));

        CliRun run = CliRun.of("convert", file.toString(), "--to", "json");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith(file + ":1:").contains("/code has a lone surrogate (\\uD800 at index 2)");
    }

    @Test
    void aLoneSurrogateInAnItemIsRejectedWithItsLine() {
        Path definition = Definitions.write(dir, "ioCustomer.json", Definitions.CUSTOMER_JSON);
        Path item = Definitions.write(dir, "c1.json", "{\"customerID\":\"c1\",\n\"contactEmail\":\"x\\uDC00\"}");

        CliRun run = render(definition, item);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith(item + ":2:").contains("/contactEmail has a lone surrogate");
    }

    @Test
    void aHugeNumberInAnItemIsARenderErrorAtItsPathNotAStackTrace() {
        Path definition = Definitions.write(dir, "ioCustomer.json", Definitions.CUSTOMER_JSON);
        Path item = Definitions.write(dir, "c1.json", "{\"customerID\":\"c1\",\"contactEmail\":1e999999}");

        CliRun run = render(definition, item);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith(item + ": ioCustomer/Customer/contactEmail: ")
                .contains("more than the 1000").doesNotContain("Exception");
    }

    @Test
    void invalidUtf8IsReportedWithItsLine() throws IOException {
        Path file = Files.write(dir.resolve("io.impex"), new byte[] {'#', '\n', '#', ' ', (byte) 0xFF, '\n'});

        CliRun run = CliRun.of("validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith(file + ":2: not UTF-8 text: byte 0xFF (byte 3 of the line)");
    }

    private static CliRun render(Path definition, Path item) {
        return CliRun.of("render", "--definition", definition.toString(), "--io", "ioCustomer", "--item", item.toString());
    }
}
