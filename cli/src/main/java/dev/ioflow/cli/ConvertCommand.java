package dev.ioflow.cli;

import dev.ioflow.core.DefinitionParseException;
import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.IntegrationObjectJson;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ioflow convert FILE --to json}: an ImpEx (or JSON) definition as an ioflow JSON definition on standard output. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Convert a definition file (SAP ImpEx or JSON) to ioflow's JSON format on standard output.",
        footer = {"", "Exit codes: 0 converted, 1 invalid definition, 2 the file cannot be read."})
final class ConvertCommand implements Callable<Integer> {
    /** The output formats. */
    enum Format { json }

    @Parameters(index = "0", paramLabel = "FILE", description = "The definition file (.impex, .json, or sniffed).")
    private Path file;

    @Option(names = "--to", required = true, paramLabel = "FORMAT", description = "Output format: ${COMPLETION-CANDIDATES}.")
    private Format to;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        try {
            List<IntegrationObject> ios = new DefinitionFileReader().read(file);
            spec.commandLine().getOut().print(IntegrationObjectJson.create().write(ios));
            return ExitCodes.OK;
        } catch (DefinitionParseException e) {
            new ProblemPrinter(spec.commandLine().getErr()).print(file, e.problems());
            return ExitCodes.INVALID;
        }
    }
}
