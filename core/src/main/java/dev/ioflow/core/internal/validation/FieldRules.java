package dev.ioflow.core.internal.validation;

import dev.ioflow.core.DefinitionProblem;
import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.IntegrationObjectAttribute;
import dev.ioflow.core.IntegrationObjectItem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * The field rules of definitions, declared as Jakarta Validation constraints on the definition records and
 * checked by Hibernate Validator; each violation becomes a {@link DefinitionProblem} at the definition path of
 * the record that has it, e.g. {@code ioCustomer/items/Customer/attributes/[2]: name must not be blank}.
 * Thread-safe.
 */
public final class FieldRules {

    /**
     * Hibernate Validator's validator, booted once per class loader on first use. Booting a factory and
     * building the records' constraint metadata costs about 100 ms, and every {@code PayloadRenderer} build
     * validates its definition; the validator is thread-safe and configured once, so it is shared, not state.
     */
    private static final class Shared {
        static final Validator VALIDATOR = validator();

        private static Validator validator() {
            HibernateValidatorBanner.quiet();
            return Validation.byProvider(HibernateValidator.class)
                    .providerResolver(() -> List.of(new HibernateValidator())) // explicit: no service lookup on the module path
                    .configure()
                    .messageInterpolator(new ParameterMessageInterpolator()) // plain-text messages: no EL implementation needed
                    .buildValidatorFactory()
                    .getValidator();
        }
    }

    private final Validator validator = Shared.VALIDATOR;

    /** The violated field rules, in declaration order. */
    public List<DefinitionProblem> check(DefinitionIndex index) {
        return validator.validate(index.io()).stream()
                .sorted(Comparator.comparingInt((ConstraintViolation<IntegrationObject> v) -> index.position(v.getLeafBean()))
                        .thenComparing(FieldRules::property))
                .map(v -> problem(index, v))
                .toList();
    }

    private static DefinitionProblem problem(DefinitionIndex index, ConstraintViolation<IntegrationObject> violation) {
        String property = property(violation);
        Object bean = violation.getLeafBean();
        String path;
        if (bean instanceof IntegrationObjectAttribute attribute) {
            path = index.path(index.owner(attribute), attribute);
        } else if (bean instanceof IntegrationObjectItem item) {
            path = index.path(item);
        } else {
            path = "items".equals(property) ? index.items() : index.root();
        }
        Object value = violation.getInvalidValue();
        String shown = value instanceof CharSequence text && !text.toString().isBlank() ? " '" + text + "'" : "";
        return new DefinitionProblem(path, property + shown + " " + violation.getMessage());
    }

    private static String property(ConstraintViolation<?> violation) {
        String last = "";
        for (Path.Node node : violation.getPropertyPath()) {
            last = node.getName() == null ? last : node.getName();
        }
        return last;
    }
}
