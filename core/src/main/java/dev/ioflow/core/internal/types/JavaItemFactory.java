package dev.ioflow.core.internal.types;

import dev.ioflow.core.AttributeAccessor;
import dev.ioflow.core.ItemFactory;
import dev.ioflow.core.ValueConversionException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Write support for Java classes: records through their canonical constructor (an update builds a new record
 * with the current values and the new ones), JavaBeans through a no-argument constructor and setters, classes
 * with public fields through those fields (beans and fields are updated in place). Values are converted to the
 * declared types by {@link JavaConversions}. Method handles are resolved once, here.
 */
public final class JavaItemFactory implements ItemFactory {
    private final Class<?> type;
    private final Map<String, Type> declared;
    private final @Nullable MethodHandle canonical;           // records: (Object[])Object
    private final List<String> components;                  // records: component names in order
    private final Map<String, AttributeAccessor> readers;    // records: component accessors
    private final @Nullable MethodHandle constructor;        // beans: ()Object
    private final Map<String, MethodHandle> writers;         // beans: (Object,Object)void

    private JavaItemFactory(Class<?> type, Map<String, Type> declared, @Nullable MethodHandle canonical, List<String> components,
                            Map<String, AttributeAccessor> readers, @Nullable MethodHandle constructor, Map<String, MethodHandle> writers) {
        this.type = type;
        this.declared = declared;
        this.canonical = canonical;
        this.components = components;
        this.readers = readers;
        this.constructor = constructor;
        this.writers = writers;
    }

    /** The factory of {@code type}, or null when ioflow cannot make its instances (no canonical or no-argument constructor). */
    public static @Nullable ItemFactory of(Class<?> type, List<JavaProperty> properties) {
        if (Modifier.isAbstract(type.getModifiers()) || type.isInterface()) {
            return null;
        }
        MethodHandles.Lookup lookup = FastAccessors.lookupFor(type);
        try {
            return type.isRecord() ? record(type, lookup) : bean(type, properties, lookup);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null;
        }
    }

    private static ItemFactory record(Class<?> type, MethodHandles.Lookup lookup) throws NoSuchMethodException, IllegalAccessException {
        RecordComponent[] recordComponents = type.getRecordComponents();
        Class<?>[] parameterTypes = new Class<?>[recordComponents.length];
        Map<String, Type> declared = new LinkedHashMap<>();
        Map<String, AttributeAccessor> readers = new LinkedHashMap<>();
        for (int i = 0; i < recordComponents.length; i++) {
            RecordComponent component = recordComponents[i];
            parameterTypes[i] = component.getType();
            declared.put(component.getName(), component.getGenericType());
            readers.put(component.getName(), FastAccessors.of(component.getAccessor(), component.getName()));
        }
        MethodHandle canonical = lookup.unreflectConstructor(type.getDeclaredConstructor(parameterTypes))
                .asType(MethodType.methodType(Object.class, parameterTypes).generic())
                .asSpreader(Object[].class, parameterTypes.length);
        return new JavaItemFactory(type, declared, canonical, List.copyOf(declared.keySet()), readers, null, Map.of());
    }

    private static ItemFactory bean(Class<?> type, List<JavaProperty> properties, MethodHandles.Lookup lookup)
            throws NoSuchMethodException, IllegalAccessException {
        MethodHandle constructor = lookup.unreflectConstructor(type.getConstructor()).asType(MethodType.methodType(Object.class));
        Map<String, Type> declared = new LinkedHashMap<>();
        Map<String, MethodHandle> writers = new LinkedHashMap<>();
        MethodType write = MethodType.methodType(void.class, Object.class, Object.class);
        for (JavaProperty property : properties) {
            declared.put(property.name(), property.type());
            Method setter = setter(type, property);
            if (setter != null) {
                declared.put(property.name(), setter.getGenericParameterTypes()[0]);
                writers.put(property.name(), lookup.unreflect(setter).asType(write));
                continue;
            }
            Field field = field(type, property.name());
            if (field != null) {
                writers.put(property.name(), lookup.unreflectSetter(field).asType(write));
            }
        }
        return new JavaItemFactory(type, declared, null, List.of(), Map.of(), constructor, Map.copyOf(writers));
    }

    private static @Nullable Method setter(Class<?> type, JavaProperty property) {
        String name = "set" + Character.toUpperCase(property.name().charAt(0)) + property.name().substring(1);
        Class<?> raw = JavaConversions.rawClass(property.type());
        for (Method method : type.getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == 1 && !Modifier.isStatic(method.getModifiers())
                    && method.getParameterTypes()[0] == raw) {
                return method;
            }
        }
        return null;
    }

    private static @Nullable Field field(Class<?> type, String name) {
        try {
            Field field = type.getField(name);
            int modifiers = field.getModifiers();
            return Modifier.isStatic(modifiers) || Modifier.isFinal(modifiers) ? null : field;
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    @Override
    public @Nullable Object convert(String attribute, @Nullable Object value) {
        Type target = declared.get(attribute);
        if (target == null) {
            throw new IllegalArgumentException(type.getName() + " has no attribute '" + attribute + "'");
        }
        Object converted = JavaConversions.convert(target, value);
        if (converted == null && target instanceof Class<?> c && c.isPrimitive() && value != null) {
            throw ValueConversionException.invalid("null cannot be a " + c);
        }
        return converted;
    }

    @Override
    public boolean writable(String attribute) {
        return canonical != null ? declared.containsKey(attribute) : writers.containsKey(attribute);
    }

    @Override
    public Object create(Map<String, ? extends @Nullable Object> values) {
        if (canonical != null) {
            return construct(values, null);
        }
        Object item;
        try {
            item = constructor.invokeExact();
        } catch (Throwable e) {
            throw failure("constructing", e);
        }
        return update(item, values);
    }

    @Override
    public Object update(Object item, Map<String, ? extends @Nullable Object> values) {
        if (!type.isInstance(item)) {
            throw new IllegalArgumentException("expected a " + type.getName() + ", got " + item.getClass().getName());
        }
        if (canonical != null) {
            return construct(values, item);
        }
        values.forEach((name, value) -> {
            MethodHandle writer = writers.get(name);
            if (writer == null) {
                throw new IllegalArgumentException("attribute '" + name + "' of " + type.getName() + " cannot be written");
            }
            if (value == null && JavaConversions.rawClass(declared.get(name)).isPrimitive()) {
                return; // a primitive keeps its value: null cannot be set
            }
            try {
                writer.invokeExact(item, value);
            } catch (Throwable e) {
                throw failure("setting '" + name + "' of", e);
            }
        });
        return item;
    }

    /** A record from the values, taking the others from {@code current} (or the defaults). */
    private Object construct(Map<String, ? extends @Nullable Object> values, @Nullable Object current) {
        for (String name : values.keySet()) {
            if (!declared.containsKey(name)) {
                throw new IllegalArgumentException(type.getName() + " has no component '" + name + "'");
            }
        }
        Object[] arguments = new Object[components.size()];
        for (int i = 0; i < arguments.length; i++) {
            String name = components.get(i);
            Object value = values.containsKey(name) ? values.get(name)
                    : current == null ? null : readers.get(name).read(current);
            Class<?> raw = JavaConversions.rawClass(declared.get(name));
            arguments[i] = value == null && raw.isPrimitive() ? defaultValue(raw) : value;
        }
        try {
            return canonical.invokeExact(arguments);
        } catch (Throwable e) {
            throw failure("constructing", e);
        }
    }

    private static Object defaultValue(Class<?> primitive) {
        return primitive == boolean.class ? Boolean.FALSE : primitive == char.class ? (Object) '\0'
                : JavaConversions.convert(primitive, 0);
    }

    private RuntimeException failure(String what, Throwable e) {
        if (e instanceof Error error) {
            throw error;
        }
        return new IllegalArgumentException(what + " " + type.getSimpleName() + " failed: " + e.getMessage(), e);
    }
}
