package dev.ioflow.core.internal.types;

import dev.ioflow.core.AttributeAccessor;
import dev.ioflow.core.AttributeDescriptor;
import dev.ioflow.core.ItemFactory;
import dev.ioflow.core.ItemType;
import dev.ioflow.core.ValueKind;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the item types of a set of Java classes and of every class they reach through their attributes
 * (directly, or as collection and array elements). Classes reached but not registered get their simple name
 * as code; a reached class with no readable attributes is treated as a value (text by {@code toString()}),
 * while a registered one is an error.
 */
public final class JavaTypeDiscovery {
    private static final Logger LOG = LoggerFactory.getLogger(JavaTypeDiscovery.class);

    private final Map<Class<?>, String> codes = new LinkedHashMap<>();
    private final Map<String, Class<?>> classesByCode = new LinkedHashMap<>();
    private final Map<Class<?>, List<JavaProperty>> properties = new LinkedHashMap<>();
    private final Set<Class<?>> opaque = new HashSet<>();
    private final Map<Class<?>, Set<String>> mandatory;

    private JavaTypeDiscovery(Map<Class<?>, Set<String>> mandatory) {
        this.mandatory = mandatory;
    }

    /**
     * The item types, by class, of the {@code registered} classes (with their codes) and the classes they reach.
     * An attribute is mandatory when {@code mandatory} names it for its class, or by its nullness annotations
     * (see {@link JavaNullness}).
     *
     * @throws IllegalArgumentException naming the class when a registered class cannot be an item type, two
     *                                  classes would share a code, or {@code mandatory} names a class or attribute
     *                                  that is not an item type's
     */
    public static Map<Class<?>, ItemType> discover(Map<Class<?>, String> registered, Map<Class<?>, Set<String>> mandatory) {
        JavaTypeDiscovery discovery = new JavaTypeDiscovery(mandatory);
        registered.forEach((type, code) -> discovery.assign(type, code, null));
        discovery.explore(registered);
        discovery.checkMandatory();
        return discovery.itemTypes();
    }

    private void checkMandatory() {
        mandatory.forEach((type, names) -> {
            List<JavaProperty> found = properties.get(type);
            if (found == null) {
                throw new IllegalArgumentException("class " + type.getName() + " is given mandatory attributes " + names
                        + " but is not an item type of this type system (register it, or a class that reaches it)");
            }
            List<String> known = found.stream().map(JavaProperty::name).toList();
            for (String name : names) {
                if (!known.contains(name)) {
                    throw new IllegalArgumentException("class " + type.getName() + " has no attribute '" + name
                            + "' to make mandatory (attributes: " + known + ")");
                }
            }
        });
    }

    private void explore(Map<Class<?>, String> registered) {
        Deque<Class<?>> queue = new ArrayDeque<>(registered.keySet());
        while (!queue.isEmpty()) {
            Class<?> type = queue.poll();
            List<JavaProperty> found = JavaProperties.of(type);
            if (found.isEmpty()) {
                if (registered.containsKey(type)) {
                    throw new IllegalArgumentException("class " + type.getName() + " has no readable attributes "
                            + "(no record components, public getters or public fields), so it cannot be an item type");
                }
                LOG.debug("{} has no readable attributes: treated as a value rendered by toString()", type.getName());
                opaque.add(type);
                classesByCode.remove(codes.remove(type));
                continue;
            }
            properties.put(type, found);
            for (JavaProperty property : found) {
                JavaKind kind = JavaValueKinds.of(property.type());
                if (kind.isItem() && !codes.containsKey(kind.itemClass())) {
                    assign(kind.itemClass(), kind.itemClass().getSimpleName(), type.getName() + "." + property.name());
                    queue.add(kind.itemClass());
                }
            }
        }
    }

    private void assign(Class<?> type, String code, String reachedFrom) {
        if (JavaValueKinds.isValueClass(type)) {
            throw new IllegalArgumentException("class " + type.getName() + " is a value class (JDK class, enum, array or"
                    + " primitive), not an item type");
        }
        if (code.isBlank()) {
            throw new IllegalArgumentException("class " + type.getName() + (reachedFrom == null ? "" : " (reached through "
                    + reachedFrom + ")") + " has no simple name: register it with type(code, class)");
        }
        Class<?> other = classesByCode.putIfAbsent(code, type);
        if (other != null) {
            throw new IllegalArgumentException("item type code '" + code + "' would name both " + other.getName() + " and "
                    + type.getName() + (reachedFrom == null ? "" : " (reached through " + reachedFrom + ")")
                    + ": register one of them with type(code, class)");
        }
        codes.put(type, code);
    }

    private Map<Class<?>, ItemType> itemTypes() {
        Map<Class<?>, ItemType> types = new LinkedHashMap<>();
        properties.forEach((type, found) -> {
            ItemType.Builder builder = ItemType.builder(codes.get(type)).instances(type::isInstance);
            ItemFactory factory = JavaItemFactory.of(type, found);
            if (factory != null) {
                builder.factory(factory);
            }
            Set<String> declared = mandatory.getOrDefault(type, Set.of());
            for (JavaProperty property : found) {
                builder.attribute(descriptor(property, declared.contains(property.name()) || JavaNullness.mandatory(property)));
            }
            types.put(type, builder.build());
        });
        return types;
    }

    private AttributeDescriptor descriptor(JavaProperty property, boolean required) {
        JavaKind kind = JavaValueKinds.of(property.type());
        boolean reference = kind.isItem() && !opaque.contains(kind.itemClass());
        ValueKind valueKind = kind.isItem() && !reference ? ValueKind.STRING : kind.kind();
        AttributeAccessor accessor = FastAccessors.of(property.member(), property.name());
        return AttributeDescriptor.builder(property.name(), valueKind,
                        JavaValueKinds.isOptional(property.type()) ? FastAccessors.unwrapping(accessor) : accessor)
                .many(kind.many())
                .referencedType(reference ? codes.get(kind.itemClass()) : null)
                .mandatory(required)
                .build();
    }
}
