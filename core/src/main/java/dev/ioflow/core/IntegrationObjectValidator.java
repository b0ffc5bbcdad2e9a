package dev.ioflow.core;

import dev.ioflow.core.internal.validation.DefinitionChecks;
import java.util.List;
import java.util.Objects;

/**
 * Checks integration-object definitions and reports every problem at once, each with its path
 * ({@code ioCustomer}, {@code ioCustomer/items}, {@code ioCustomer/items/Customer} or
 * {@code ioCustomer/items/Customer/attributes/contactEmail}) and a message naming the offending value.
 *
 * <p>Field rules (blank codes, {@code |} or {@code /} in codes and names, no items) are Jakarta Validation
 * constraints on the definition records, checked by Hibernate Validator. The semantic checks are: exactly one
 * root item; unique item codes and payload names; every attribute that is neither virtual nor a classification
 * attribute has a source; classification attributes are not unique; nested items ({@code returnItem}) declared;
 * every item has a key attribute (its integration key; a unique reference contributes the referenced item's key);
 * no cycle of key references (an infinite key) and no cycle made only of {@code partOf} references (an endless
 * payload). Key attributes follow SAP's rule: an attribute is one when the definition flags it unique OR, against a
 * type system, when the type attribute it reads is {@link AttributeDescriptor#unique() unique} (so a
 * {@code CatalogVersion} item of SAP's platform types is keyed by {@code catalog} and {@code version} unflagged).
 * Against a {@link TypeSystem} also: the item's type exists; the source attribute exists on it; an attribute
 * descriptor of another type ({@link IntegrationObjectAttribute#descriptorType()}) is of a supertype; nested items
 * are given exactly for reference attributes and are of the referenced type or a subtype (SAP's polymorphic
 * references); no localized or collection attribute is flagged unique. Virtual and classification attributes are
 * not checked against types.
 *
 * <p>Thread-safe and reusable: create one and share it (creating one boots Hibernate Validator).
 *
 * <pre>{@code
 * IntegrationObjectValidator validator = IntegrationObjectValidator.create();
 * List<DefinitionProblem> problems = validator.validate(ioCustomer, JavaTypeSystem.of(Customer.class));
 * // [ioCustomer/items/Customer/attributes/contactEmial: attribute 'contactEmial' does not exist on type
 * //  'Customer' (known: customerID, contactEmail)]
 * validator.requireValid(ioCustomer, types); // throws InvalidDefinitionException listing all problems
 * }</pre>
 *
 * @since 0.1
 */
public final class IntegrationObjectValidator {
    private final DefinitionChecks checks;

    private IntegrationObjectValidator() {
        this.checks = new DefinitionChecks();
    }

    /** A validator; reuse it, it is thread-safe. */
    public static IntegrationObjectValidator create() {
        return new IntegrationObjectValidator();
    }

    /** The problems of the definition on its own (no type system): empty when there are none. */
    public List<DefinitionProblem> validate(IntegrationObject io) {
        return checks.check(Objects.requireNonNull(io, "io"), null);
    }

    /** The problems of the definition, including those against the type system: empty when there are none. */
    public List<DefinitionProblem> validate(IntegrationObject io, TypeSystem types) {
        return checks.check(Objects.requireNonNull(io, "io"), Objects.requireNonNull(types, "types"));
    }

    /**
     * Checks the definition on its own.
     *
     * @throws InvalidDefinitionException listing every problem
     */
    public void requireValid(IntegrationObject io) {
        throwIfAny(validate(io));
    }

    /**
     * Checks the definition against the type system.
     *
     * @throws InvalidDefinitionException listing every problem
     */
    public void requireValid(IntegrationObject io, TypeSystem types) {
        throwIfAny(validate(io, types));
    }

    private static void throwIfAny(List<DefinitionProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidDefinitionException(problems);
        }
    }
}
