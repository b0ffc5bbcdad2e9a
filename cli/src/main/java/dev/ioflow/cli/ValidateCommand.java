package dev.ioflow.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ioflow validate FILE…}: reads the definition files (each JSON file alone, the ImpEx files as one set, in
 * order, as SAP Commerce imports them) and checks every integration object, against SAP's platform types (ioflow's
 * built-in catalog), the project's {@code items.xml} files given with {@code --items}, and, for what neither
 * knows, the types and attributes the definitions declare.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check JSON or ImpEx integration-object definitions.",
                "ImpEx files are read as one set, in order, as SAP imports them. Prints 'OK FILES: N integration "
                        + "objects' per valid file or set; otherwise every problem, with its definition path or "
                        + "FILE:LINE:COLUMN, on standard error."},
        footer = {"", "Exit codes: 0 all valid, 1 a definition is invalid, 2 a file cannot be read."})
final class ValidateCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Definition files (.json, .impex, or sniffed).")
    private List<Path> files;

    @Mixin
    private TypeSystemOptions types = new TypeSystemOptions();

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        DefinitionChecker.Result result = new DefinitionChecker(types, spec.commandLine().getErr()).check(files);
        for (DefinitionSet set : result.valid()) {
            int n = set.ios().size();
            out.println("OK " + set.label() + ": " + n + (n == 1 ? " integration object" : " integration objects"));
        }
        return result.exit();
    }
}
