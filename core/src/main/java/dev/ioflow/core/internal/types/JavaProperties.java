package dev.ioflow.core.internal.types;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the readable attributes of a Java class: the components of a record, otherwise the JavaBeans getters
 * ({@code getX()}, {@code isX()} for booleans) and public fields (a getter wins over a field of the same name).
 * Records keep their component order; other classes list attributes in the order their fields are declared
 * (superclass first), then the remaining ones by name, so that the order is the same on every JVM.
 */
public final class JavaProperties {

    private JavaProperties() {
    }

    /** The readable attributes of {@code type}; empty when it has none. */
    public static List<JavaProperty> of(Class<?> type) {
        if (type.isRecord()) {
            List<JavaProperty> components = new ArrayList<>();
            for (RecordComponent component : type.getRecordComponents()) {
                components.add(new JavaProperty(component.getName(), component.getGenericType(), component.getAccessor()));
            }
            return components;
        }
        Map<String, JavaProperty> byName = new LinkedHashMap<>();
        for (Method method : type.getMethods()) {
            String name = getterName(method);
            JavaProperty previous = byName.get(name);
            if (name != null && (previous == null || preferred(method, (Method) previous.member()))) {
                byName.put(name, new JavaProperty(name, method.getGenericReturnType(), method));
            }
        }
        for (Field field : type.getFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                byName.putIfAbsent(field.getName(), new JavaProperty(field.getName(), field.getGenericType(), field));
            }
        }
        Map<String, Integer> fieldOrder = fieldOrder(type);
        List<JavaProperty> properties = new ArrayList<>(byName.values());
        properties.sort(Comparator.comparingInt((JavaProperty p) -> fieldOrder.getOrDefault(p.name(), Integer.MAX_VALUE))
                .thenComparing(JavaProperty::name));
        return properties;
    }

    /**
     * Which of two getters of one attribute to read, whatever order the JVM lists them in: the real method
     * over a bridge (a covariant or generic override leaves both), then {@code isX()} over {@code getX()}, as
     * java.beans does. Bridges are kept otherwise: a public class inheriting public getters from a
     * package-private one only has visibility bridges for them.
     */
    private static boolean preferred(Method candidate, Method previous) {
        if (candidate.isBridge() != previous.isBridge()) {
            return previous.isBridge();
        }
        return candidate.getName().startsWith("is") && !previous.getName().startsWith("is");
    }

    private static String getterName(Method method) {
        if (Modifier.isStatic(method.getModifiers()) || method.isSynthetic() && !method.isBridge()
                || method.getParameterCount() != 0 || method.getDeclaringClass() == Object.class) {
            return null;
        }
        String name = method.getName();
        Class<?> returns = method.getReturnType();
        if (name.startsWith("get") && name.length() > 3 && returns != void.class) {
            return decapitalize(name.substring(3));
        }
        if (name.startsWith("is") && name.length() > 2 && (returns == boolean.class || returns == Boolean.class)) {
            return decapitalize(name.substring(2));
        }
        return null;
    }

    /** The JavaBeans rule: {@code FooBar} → {@code fooBar}, but {@code URL} stays {@code URL}. */
    static String decapitalize(String name) {
        if (name.length() > 1 && Character.isUpperCase(name.charAt(0)) && Character.isUpperCase(name.charAt(1))) {
            return name;
        }
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static Map<String, Integer> fieldOrder(Class<?> type) {
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            hierarchy.add(0, c);
        }
        Map<String, Integer> order = new HashMap<>();
        for (Class<?> c : hierarchy) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    order.putIfAbsent(field.getName(), order.size());
                }
            }
        }
        return order;
    }
}
