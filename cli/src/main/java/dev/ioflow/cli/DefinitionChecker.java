package dev.ioflow.cli;

import dev.ioflow.core.DefinitionParseException;
import dev.ioflow.core.DefinitionProblem;
import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.IntegrationObjectValidator;
import dev.ioflow.core.TypeSystem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What validate, convert and render share: read the definition files (JSON files alone, ImpEx files as one set),
 * build the type system for all their integration objects, and check each integration object against it,
 * printing every problem. A command goes on only with a result that has no problems, so that convert never writes,
 * and render never renders, a definition that validate rejects.
 */
final class DefinitionChecker {
    private final TypeSystemOptions typeOptions;
    private final ProblemPrinter problems;
    private final PrintWriter err;

    /**
     * The checked definitions.
     *
     * @param sets  the sets read, each with its integration objects
     * @param types the type system they were checked against (null when a file could not be parsed)
     * @param exit  {@link ExitCodes#OK} when every set was read and is valid
     * @param valid the sets without problems
     */
    record Result(List<DefinitionSet> sets, TypeSystem types, int exit, List<DefinitionSet> valid) {

        List<IntegrationObject> ios() {
            return sets.stream().flatMap(s -> s.ios().stream()).toList();
        }
    }

    DefinitionChecker(TypeSystemOptions typeOptions, PrintWriter err) {
        this.typeOptions = typeOptions;
        this.problems = new ProblemPrinter(err);
        this.err = err;
    }

    Result check(List<Path> files) {
        DefinitionFileReader reader = new DefinitionFileReader();
        List<DefinitionSet> sets = new ArrayList<>();
        int exit = ExitCodes.OK;
        for (List<Path> group : DefinitionSet.groups(files)) {
            try {
                sets.add(DefinitionSet.read(group, reader));
            } catch (DefinitionParseException e) {
                problems.print(group, String.join(", ", group.stream().map(Path::toString).toList()), e.problems());
                exit = Math.max(exit, ExitCodes.INVALID);
            } catch (UnreadableInputException e) {
                err.println(e.getMessage());
                exit = ExitCodes.UNREADABLE;
            }
        }
        List<IntegrationObject> all = sets.stream().flatMap(s -> s.ios().stream()).toList();
        TypeSystem types;
        try {
            types = typeOptions.typesFor(all);
        } catch (DefinitionParseException e) {
            problems.print(typeOptions.itemsXml(), "items.xml", e.problems());
            return new Result(sets, null, Math.max(exit, ExitCodes.INVALID), List.of());
        } catch (UnreadableInputException e) {
            err.println(e.getMessage());
            return new Result(sets, null, ExitCodes.UNREADABLE, List.of());
        }
        IntegrationObjectValidator validator = IntegrationObjectValidator.create();
        List<DefinitionSet> valid = new ArrayList<>();
        for (DefinitionSet set : sets) {
            List<DefinitionProblem> found = new ArrayList<>();
            set.ios().forEach(io -> found.addAll(validator.validate(io, types)));
            if (found.isEmpty()) {
                valid.add(set);
            } else {
                problems.print(set.files(), set.label(), found);
                exit = Math.max(exit, ExitCodes.INVALID);
            }
        }
        return new Result(sets, types, exit, valid);
    }
}
