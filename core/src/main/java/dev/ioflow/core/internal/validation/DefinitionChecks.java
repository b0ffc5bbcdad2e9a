package dev.ioflow.core.internal.validation;

import dev.ioflow.core.DefinitionProblem;
import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.TypeSystem;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every check of a definition, field rules first, and collects all problems. Thread-safe.
 */
public final class DefinitionChecks {
    private final FieldRules fieldRules = new FieldRules();

    /** The problems of {@code io}, including those against {@code types} when it is not null. */
    public List<DefinitionProblem> check(IntegrationObject io, TypeSystem types) {
        DefinitionIndex index = new DefinitionIndex(io, types);
        List<DefinitionProblem> problems = new ArrayList<>(fieldRules.check(index));
        StructureChecks.check(index, problems::add);
        if (types != null) {
            TypeChecks.check(index, types, problems::add);
        }
        CycleChecks.check(index, problems::add);
        return List.copyOf(problems);
    }
}
