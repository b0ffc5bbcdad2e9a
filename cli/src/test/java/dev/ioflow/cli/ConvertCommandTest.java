package dev.ioflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioflow.core.IntegrationObjectJson;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvertCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesTheDefinitionAsIoflowJson() {
        Path file = Definitions.write(dir, "ioCustomer.json", Definitions.CUSTOMER_JSON);

        CliRun run = CliRun.of("convert", file.toString(), "--to", "json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("{\n  \"integrationObjects\": [");
        assertThat(IntegrationObjectJson.create().read(run.out()))
                .isEqualTo(IntegrationObjectJson.create().read(Definitions.CUSTOMER_JSON));
    }

    @Test
    void convertsImpexToTheEquivalentJsonDefinition() {
        Path file = Definitions.write(dir, "ioCustomer.impex", Definitions.CUSTOMER_IMPEX);

        CliRun run = CliRun.of("convert", file.toString(), "--to", "json");

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(IntegrationObjectJson.create().read(run.out()))
                .isEqualTo(IntegrationObjectJson.create().read(Definitions.CUSTOMER_JSON));
    }

    @Test
    void aBrokenImpexFileExitsOneWithFileLineColumn() {
        Path file = Definitions.write(dir, "ioBroken.impex", Definitions.BROKEN_IMPEX);

        CliRun run = CliRun.of("convert", file.toString(), "--to", "json");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith(file + ":5:");
    }

    @Test
    void aMalformedDefinitionExitsOneWithItsPosition() {
        Path file = Definitions.write(dir, "ioCustomer.json", Definitions.MALFORMED_JSON);

        CliRun run = CliRun.of("convert", file.toString(), "--to", "json");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("line 3");
    }

    @Test
    void anUnknownTargetFormatIsAUsageErrorWithExitTwo() {
        Path file = Definitions.write(dir, "ioCustomer.json", Definitions.CUSTOMER_JSON);

        CliRun run = CliRun.of("convert", file.toString(), "--to", "xml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("xml");
    }

    @Test
    void aMissingFileExitsTwo() {
        CliRun run = CliRun.of("convert", dir.resolve("missing.impex").toString(), "--to", "json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("missing.impex: no such file");
    }
}
