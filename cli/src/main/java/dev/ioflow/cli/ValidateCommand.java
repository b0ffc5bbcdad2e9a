package dev.ioflow.cli;

import dev.ioflow.core.DefinitionParseException;
import dev.ioflow.core.DefinitionProblem;
import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.IntegrationObjectValidator;
import dev.ioflow.core.MapTypeSystem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ioflow validate FILE…}: reads each definition file and checks every integration object in it, on its own
 * and against the schema its definitions imply (there is no type system in a file).
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check JSON or ImpEx integration-object definitions.",
                "Prints 'OK FILE: N integration objects' per valid file; otherwise every problem, with its "
                        + "definition path or FILE:LINE:COLUMN, on standard error."},
        footer = {"", "Exit codes: 0 all valid, 1 a definition is invalid, 2 a file cannot be read."})
final class ValidateCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Definition files (.json, .impex, or sniffed).")
    private List<Path> files;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ProblemPrinter problems = new ProblemPrinter(spec.commandLine().getErr());
        DefinitionFileReader reader = new DefinitionFileReader();
        IntegrationObjectValidator validator = IntegrationObjectValidator.create();
        int exit = ExitCodes.OK;
        for (Path file : files) {
            try {
                List<IntegrationObject> ios = reader.read(file);
                List<DefinitionProblem> found = check(validator, ios);
                if (found.isEmpty()) {
                    out.println("OK " + file + ": " + ios.size() + (ios.size() == 1 ? " integration object" : " integration objects"));
                } else {
                    problems.print(file, found);
                    exit = Math.max(exit, ExitCodes.INVALID);
                }
            } catch (DefinitionParseException e) {
                problems.print(file, e.problems());
                exit = Math.max(exit, ExitCodes.INVALID);
            } catch (UnreadableInputException e) {
                spec.commandLine().getErr().println(e.getMessage());
                exit = ExitCodes.UNREADABLE;
            }
        }
        return exit;
    }

    private static List<DefinitionProblem> check(IntegrationObjectValidator validator, List<IntegrationObject> ios) {
        Set<DefinitionProblem> problems = new LinkedHashSet<>();
        MapTypeSystem types;
        try {
            types = MapTypeSystem.derivedFrom(ios.toArray(IntegrationObject[]::new));
        } catch (IllegalArgumentException e) {
            types = null;
            problems.add(new DefinitionProblem("items", e.getMessage()));
        }
        for (IntegrationObject io : ios) {
            problems.addAll(validator.validate(io));
            if (types != null) {
                problems.addAll(validator.validate(io, types));
            }
        }
        return List.copyOf(problems);
    }
}
