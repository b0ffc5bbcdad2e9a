package dev.ioflow.cli;

import dev.ioflow.core.IntegrationObjectJson;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ioflow convert FILE… --to json}: ImpEx (or JSON) definitions as one ioflow JSON definition file on
 * standard output. The definitions are validated first, exactly as {@code validate} does: when {@code validate}
 * would exit 1, so does {@code convert}, and nothing is written.
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Convert definition files (SAP ImpEx or JSON) to ioflow's JSON format on standard output.",
                "The definitions are validated as 'validate' does; invalid ones are not converted."},
        footer = {"", "Exit codes: 0 converted, 1 invalid definition (nothing written), 2 a file cannot be read."})
final class ConvertCommand implements Callable<Integer> {
    /** The output formats. */
    enum Format { json }

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Definition files (.impex, .json, or sniffed); ImpEx files are read as one set.")
    private List<Path> files;

    @Option(names = "--to", required = true, paramLabel = "FORMAT", description = "Output format: ${COMPLETION-CANDIDATES}.")
    private Format to;

    @Mixin
    private TypeSystemOptions types = new TypeSystemOptions();

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        DefinitionChecker.Result result = new DefinitionChecker(types, spec.commandLine().getErr()).check(files);
        if (result.exit() != ExitCodes.OK) {
            return result.exit();
        }
        spec.commandLine().getOut().print(IntegrationObjectJson.create().write(result.ios()));
        return ExitCodes.OK;
    }
}
