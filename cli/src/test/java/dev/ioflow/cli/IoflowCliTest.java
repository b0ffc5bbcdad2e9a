package dev.ioflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IoflowCliTest {

    @Test
    void versionPrintsTheProjectVersion() {
        CliRun run = CliRun.of("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("ioflow 0.1.0-SNAPSHOT");
    }

    @Test
    void helpListsTheCommands() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("validate").contains("render").contains("convert");
    }

    @Test
    void noCommandIsAUsageErrorWithExitTwo() {
        CliRun run = CliRun.of();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing command: validate, render or convert").contains("Usage: ioflow");
    }

    @Test
    void anUnknownCommandIsAUsageErrorWithExitTwo() {
        CliRun run = CliRun.of("publish");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("publish");
    }
}
