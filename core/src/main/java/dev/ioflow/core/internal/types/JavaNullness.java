package dev.ioflow.core.internal.types;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Whether a Java attribute is mandatory, from its nullness annotations: JSpecify's {@code @NonNull} or Jakarta
 * Validation's {@code @NotNull} on the record component, getter, public field or the field backing a getter (as a
 * declaration or on its type) make it mandatory; in JSpecify's {@code @NullMarked} code (the class, an enclosing
 * class, the package or the module, unless a nearer {@code @NullUnmarked} says otherwise) so does every
 * reference-typed attribute not annotated {@code @Nullable} (any annotation of that simple name), except an
 * {@code Optional}. Primitives are mandatory only when annotated: they cannot be null.
 *
 * <p>Annotations are matched by name: JSpecify is an optional dependency at run time, and an application may see
 * neither library.
 */
final class JavaNullness {
    private static final String NON_NULL = "org.jspecify.annotations.NonNull";
    private static final String NOT_NULL = "jakarta.validation.constraints.NotNull";
    private static final String NULL_MARKED = "org.jspecify.annotations.NullMarked";
    private static final String NULL_UNMARKED = "org.jspecify.annotations.NullUnmarked";

    private JavaNullness() {
    }

    static boolean mandatory(JavaProperty property) {
        List<Annotation> annotations = annotations(property.member());
        if (annotations.stream().anyMatch(a -> a.annotationType().getSimpleName().equals("Nullable"))) {
            return false;
        }
        if (annotations.stream().anyMatch(a -> is(a, NON_NULL) || is(a, NOT_NULL))) {
            return true;
        }
        Class<?> declaring = ((Member) property.member()).getDeclaringClass();
        return !(property.type() instanceof Class<?> c && c.isPrimitive()) && !JavaValueKinds.isOptional(property.type())
                && nullMarked(declaring);
    }

    /** The declaration and type-use annotations of the member and of the field of the same name it reads. */
    private static List<Annotation> annotations(Object member) {
        List<Annotation> found = new ArrayList<>();
        if (member instanceof Method method) {
            found.addAll(List.of(method.getAnnotations()));
            found.addAll(List.of(method.getAnnotatedReturnType().getAnnotations()));
            Field backing = backingField(method);
            if (backing != null) {
                found.addAll(List.of(backing.getAnnotations()));
                found.addAll(List.of(backing.getAnnotatedType().getAnnotations()));
            }
        } else if (member instanceof Field field) {
            found.addAll(List.of(field.getAnnotations()));
            found.addAll(List.of(field.getAnnotatedType().getAnnotations()));
        }
        return found;
    }

    /** The field a record accessor or getter presumably reads: the declared field of the attribute's name. */
    private static @Nullable Field backingField(Method method) {
        String name = method.getName();
        String attribute = method.getDeclaringClass().isRecord() ? name
                : name.startsWith("get") ? JavaProperties.decapitalize(name.substring(3))
                : name.startsWith("is") ? JavaProperties.decapitalize(name.substring(2)) : name;
        for (Class<?> c = method.getDeclaringClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.getName().equals(attribute)) {
                    return field;
                }
            }
        }
        return null;
    }

    /** JSpecify's scope rule: the nearest {@code @NullMarked} or {@code @NullUnmarked}, from the class outwards. */
    private static boolean nullMarked(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            Boolean marked = marking(c);
            if (marked != null) {
                return marked;
            }
        }
        Boolean marked = marking(type.getPackage());
        if (marked == null && type.getModule().isNamed()) {
            marked = marking(type.getModule());
        }
        return Boolean.TRUE.equals(marked);
    }

    private static @Nullable Boolean marking(@Nullable AnnotatedElement element) {
        if (element == null) {
            return null;
        }
        for (Annotation annotation : element.getDeclaredAnnotations()) {
            if (is(annotation, NULL_MARKED)) {
                return true;
            }
            if (is(annotation, NULL_UNMARKED)) {
                return false;
            }
        }
        return null;
    }

    private static boolean is(Annotation annotation, String name) {
        return annotation.annotationType().getName().equals(name);
    }
}
