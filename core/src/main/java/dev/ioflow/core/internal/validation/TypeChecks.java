package dev.ioflow.core.internal.validation;

import dev.ioflow.core.AttributeDescriptor;
import dev.ioflow.core.DefinitionProblem;
import dev.ioflow.core.IntegrationObjectAttribute;
import dev.ioflow.core.IntegrationObjectItem;
import dev.ioflow.core.ItemType;
import dev.ioflow.core.TypeSystem;
import dev.ioflow.core.ValueKind;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The checks of a definition against a type system: every item's type exists, every (non-virtual)
 * attribute's source exists on it, an attribute descriptor named of another type is of a supertype, nested items
 * exactly where the type has references and of the referenced type or a subtype, and no localized or collection
 * attribute flagged unique.
 */
final class TypeChecks {

    private TypeChecks() {
    }

    static void check(DefinitionIndex index, TypeSystem types, Consumer<DefinitionProblem> problems) {
        for (IntegrationObjectItem item : index.io().items()) {
            if (item.type().isBlank()) {
                continue; // reported by the field rules
            }
            Optional<ItemType> type = Optional.ofNullable(types.find(item.type()));
            if (type.isEmpty()) {
                problems.accept(new DefinitionProblem(index.path(item), "type '" + item.type() + "' does not exist in the type system"
                        + (types.codes().isEmpty() ? "" : " (known: " + String.join(", ", types.codes()) + ")")));
                continue;
            }
            for (IntegrationObjectAttribute attribute : item.attributes()) {
                if (attribute.source() != null && !attribute.isVirtual()) {
                    checkAttribute(index, item, attribute, type.get(), types, problems);
                    checkDescriptorType(index, item, attribute, types, problems);
                }
            }
        }
    }

    /** An attribute descriptor of another type than the item's must be of one of its supertypes, as SAP requires. */
    private static void checkDescriptorType(DefinitionIndex index, IntegrationObjectItem item, IntegrationObjectAttribute attribute,
                                            TypeSystem types, Consumer<DefinitionProblem> problems) {
        String declaring = attribute.descriptorType();
        if (declaring != null && !types.isSubtype(item.type(), declaring)) {
            problems.accept(new DefinitionProblem(index.path(item, attribute), "attribute descriptor '" + declaring + ":"
                    + attribute.source() + "' is of type '" + declaring + "', but item '" + item.code() + "' is of type '"
                    + item.type() + "', which does not extend it"));
        }
    }

    private static void checkAttribute(DefinitionIndex index, IntegrationObjectItem item, IntegrationObjectAttribute attribute,
                                       ItemType type, TypeSystem types, Consumer<DefinitionProblem> problems) {
        String path = index.path(item, attribute);
        String source = attribute.source();
        Optional<AttributeDescriptor> found = Optional.ofNullable(type.attribute(source));
        if (found.isEmpty()) {
            problems.accept(new DefinitionProblem(path, "attribute '" + source + "' does not exist on type '" + type.code()
                    + "' (known: " + type.attributes().stream().map(AttributeDescriptor::name).collect(Collectors.joining(", ")) + ")"));
            return;
        }
        AttributeDescriptor descriptor = found.get();
        String described = "attribute '" + source + "' of type '" + type.code() + "'";
        if (attribute.isNested() && !descriptor.isReference() && descriptor.kind() != ValueKind.ANY) {
            problems.accept(new DefinitionProblem(path, described + " is " + descriptor.kind()
                    + ", not a reference, so it cannot have nested item '" + attribute.returnItem() + "'"));
        }
        if (!attribute.isNested() && descriptor.isReference()) {
            problems.accept(new DefinitionProblem(path, described + " references type '" + descriptor.referencedType()
                    + "', so it needs a nested item (returnItem)"));
        }
        if (attribute.isNested() && descriptor.isReference()) {
            // A nested item of a subtype is fine: SAP maps one reference to several subtypes (a polymorphic reference).
            index.item(attribute.returnItem())
                    .filter(nested -> !types.isSubtype(nested.type(), descriptor.referencedType()))
                    .ifPresent(nested -> problems.accept(new DefinitionProblem(path, "nested item '" + nested.code()
                            + "' is of type '" + nested.type() + "' but " + described + " references type '"
                            + descriptor.referencedType() + "'")));
        }
        if (attribute.unique() && descriptor.isLocalized()) {
            problems.accept(new DefinitionProblem(path, described + " is localized, so it cannot be unique (part of the integration key)"));
        }
        if (attribute.unique() && descriptor.many()) {
            // SAP rejects unique collections too: a key value must be one value, not a list of them.
            problems.accept(new DefinitionProblem(path, described + " is a collection, so it cannot be unique (part of the integration key)"));
        }
    }
}
