package dev.ioflow.core.internal.render;

import dev.ioflow.core.AttributeAccessor;
import dev.ioflow.core.AttributeDescriptor;
import dev.ioflow.core.ClassAttributeAssignment;
import dev.ioflow.core.ClassificationValues;
import dev.ioflow.core.DefinitionProblem;
import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.IntegrationObjectAttribute;
import dev.ioflow.core.IntegrationObjectItem;
import dev.ioflow.core.ItemType;
import dev.ioflow.core.TypeSystem;
import dev.ioflow.core.VirtualAttributeFunction;
import dev.ioflow.core.internal.validation.KeyRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Binds each item of a validated integration object (types, attributes and nested items exist) to its type, and
 * each attribute to the accessor or virtual function that reads it. Reports what only a renderer can know (a
 * logic location with no registered function, a payload name the renderer reserves) as definition problems
 * with their paths.
 */
final class DefinitionBinder {
    /** Names the renderer writes itself, so attributes cannot use them. */
    static final Set<String> RESERVED_NAMES = Set.of(ItemWriter.INTEGRATION_KEY, SapValueWriter.LOCALIZED_ATTRIBUTES);

    private final IntegrationObject io;
    private final TypeSystem types;
    private final Map<String, VirtualAttributeFunction> functions;
    private final ClassificationValues classificationValues;
    private final List<DefinitionProblem> problems;

    DefinitionBinder(IntegrationObject io, TypeSystem types, Map<String, VirtualAttributeFunction> functions,
                     ClassificationValues classificationValues, List<DefinitionProblem> problems) {
        this.io = io;
        this.types = types;
        this.functions = functions;
        this.classificationValues = classificationValues;
        this.problems = problems;
    }

    /** The bound items by code, in definition order; problems are added to the list given at construction. */
    Map<String, BoundItem> bind() {
        Map<String, BoundItem> items = new LinkedHashMap<>();
        for (IntegrationObjectItem item : io.items()) {
            ItemType type = types.require(item.type());
            List<BoundAttribute> attributes = new ArrayList<>();
            for (IntegrationObjectAttribute attribute : item.attributes()) {
                bind(item, type, attribute).ifPresent(attributes::add);
            }
            items.put(item.code(), new BoundItem(item.code(), type, List.copyOf(attributes)));
        }
        return items;
    }

    private Optional<BoundAttribute> bind(IntegrationObjectItem item, ItemType type, IntegrationObjectAttribute attribute) {
        String path = path(item) + "/attributes/" + attribute.name();
        if (RESERVED_NAMES.contains(attribute.name())) {
            problems.add(new DefinitionProblem(path, "the payload name '" + attribute.name() + "' is reserved for the renderer"));
            return Optional.empty();
        }
        if (attribute.isVirtual()) {
            VirtualAttributeFunction function = functions.get(attribute.logicLocation());
            if (function == null) {
                problems.add(new DefinitionProblem(path, "no virtual attribute function is registered for logic location '"
                        + attribute.logicLocation() + "'"));
                return Optional.empty();
            }
            AttributeAccessor accessor = function::compute;
            return Optional.of(new BoundAttribute(attribute, accessor, false, attribute.unique(), false));
        }
        ClassAttributeAssignment assignment = attribute.classification();
        if (assignment != null) {
            ClassificationValues values = classificationValues;
            AttributeAccessor accessor = value -> values.read(value, assignment);
            return Optional.of(new BoundAttribute(attribute, accessor, false, attribute.unique(), false));
        }
        AttributeDescriptor descriptor = Optional.ofNullable(type.attribute(attribute.source())).orElseThrow(() -> new IllegalStateException(
                "validated definitions only name existing attributes: " + path));
        AttributeAccessor accessor = PolymorphicValues.isPolymorphic(item, attribute)
                ? new PolymorphicValues(descriptor.accessor(), types, io.item(attribute.returnItem())) : descriptor.accessor();
        return Optional.of(new BoundAttribute(attribute, accessor, descriptor.isLocalized(), KeyRule.isKey(attribute, type),
                KeyRule.mayBeNull(attribute, descriptor)));
    }

    private String path(IntegrationObjectItem item) {
        return io.code() + "/items/" + item.code();
    }
}
