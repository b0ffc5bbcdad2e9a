package dev.ioflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    @TempDir
    Path dir;

    @Test
    void aValidJsonDefinitionPrintsOkWithTheNumberOfIntegrationObjectsAndExitsZero() {
        Path file = Definitions.write(dir, "ioCustomer.json", Definitions.CUSTOMER_JSON);

        CliRun run = CliRun.of("validate", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("OK " + file + ": 1 integration object" + System.lineSeparator());
        assertThat(run.err()).isEmpty();
    }

    @Test
    void anInvalidDefinitionPrintsEveryProblemWithItsPathAndExitsOne() {
        Path file = Definitions.write(dir, "ioBroken.json", Definitions.INVALID_JSON);

        CliRun run = CliRun.of("validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains(file + ": ioBroken/items: ")
                .contains(file + ": ioBroken/items/Address");
    }

    @Test
    void malformedJsonPrintsTheLineAndColumnAndExitsOne() {
        Path file = Definitions.write(dir, "ioCustomer.json", Definitions.MALFORMED_JSON);

        CliRun run = CliRun.of("validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith(file.toString()).contains("line 3");
    }

    @Test
    void aValidImpexDefinitionPrintsOk() {
        Path file = Definitions.write(dir, "ioCustomer.impex", Definitions.CUSTOMER_IMPEX);

        CliRun run = CliRun.of("validate", file.toString());

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("OK " + file + ": 1 integration object" + System.lineSeparator());
    }

    @Test
    void anImpexProblemIsPrintedAsFileLineColumnAndExitsOne() {
        Path file = Definitions.write(dir, "ioBroken.impex", Definitions.BROKEN_IMPEX);

        CliRun run = CliRun.of("validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith(file + ":5:").contains("ioOther");
    }

    @Test
    void aMissingFileExitsTwoNamingTheFile() {
        Path missing = dir.resolve("nowhere.json");

        CliRun run = CliRun.of("validate", missing.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(missing + ": no such file" + System.lineSeparator());
    }

    @Test
    void aDirectoryIsUnreadableInput() {
        CliRun run = CliRun.of("validate", dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(dir + ": not a regular file");
    }

    @Test
    void checksEveryFileAndExitsWithTheWorstOutcome() {
        Path valid = Definitions.write(dir, "ioCustomer.json", Definitions.CUSTOMER_JSON);
        Path invalid = Definitions.write(dir, "ioBroken.json", Definitions.INVALID_JSON);
        Path missing = dir.resolve("missing.json");

        CliRun run = CliRun.of("validate", valid.toString(), invalid.toString(), missing.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains("OK " + valid);
        assertThat(run.err()).contains(invalid + ": ioBroken/items").contains(missing + ": no such file");
    }

    @Test
    void aFileWithAnotherExtensionIsSniffedAsJson() {
        Path file = Definitions.write(dir, "customer.definition", Definitions.CUSTOMER_JSON);

        CliRun run = CliRun.of("validate", file.toString());

        assertThat(run.exitCode()).isZero();
    }

    @Test
    void withoutFilesItIsAUsageErrorWithExitTwo() {
        CliRun run = CliRun.of("validate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required parameter: 'FILE'");
    }

    @Test
    void helpDescribesTheCommandAndExitsZero() {
        CliRun run = CliRun.of("validate", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: ioflow validate").contains("Exit codes: 0 all valid");
    }
}
