package dev.ioflow.core.internal.types;

import dev.ioflow.core.ValueKind;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.Collection;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Infers an attribute's {@link ValueKind} from its declared Java type ({@code Optional<T>} as {@code T},
 * {@code OptionalInt}, {@code OptionalLong} and {@code OptionalDouble} as their value). Collections and arrays are
 * {@code many} with the kind of their element (read from the type argument); {@code Map<Locale, String>} is
 * localized text, any other map a {@link ValueKind#MAP}; classes outside the JDK are item references.
 * Other JDK classes ({@code URI}, {@code Locale}, {@code LocalTime}…) are text rendered by {@code toString()}.
 */
public final class JavaValueKinds {
    private static final Map<Class<?>, ValueKind> SCALARS = Map.ofEntries(
            Map.entry(String.class, ValueKind.STRING), Map.entry(char.class, ValueKind.STRING),
            Map.entry(Character.class, ValueKind.STRING), Map.entry(UUID.class, ValueKind.STRING),
            Map.entry(boolean.class, ValueKind.BOOLEAN), Map.entry(Boolean.class, ValueKind.BOOLEAN),
            Map.entry(int.class, ValueKind.INTEGER), Map.entry(Integer.class, ValueKind.INTEGER),
            Map.entry(short.class, ValueKind.INTEGER), Map.entry(Short.class, ValueKind.INTEGER),
            Map.entry(byte.class, ValueKind.INTEGER), Map.entry(Byte.class, ValueKind.INTEGER),
            Map.entry(long.class, ValueKind.LONG), Map.entry(Long.class, ValueKind.LONG),
            Map.entry(BigInteger.class, ValueKind.LONG),
            Map.entry(float.class, ValueKind.DOUBLE), Map.entry(Float.class, ValueKind.DOUBLE),
            Map.entry(double.class, ValueKind.DOUBLE), Map.entry(Double.class, ValueKind.DOUBLE),
            Map.entry(BigDecimal.class, ValueKind.DECIMAL),
            Map.entry(Instant.class, ValueKind.DATE), Map.entry(OffsetDateTime.class, ValueKind.DATE),
            Map.entry(ZonedDateTime.class, ValueKind.DATE),
            Map.entry(LocalDate.class, ValueKind.LOCAL_DATE), Map.entry(LocalDateTime.class, ValueKind.LOCAL_DATE_TIME),
            Map.entry(Object.class, ValueKind.ANY));

    private JavaValueKinds() {
    }

    /** The kind of a value declared with this type; an {@code Optional<T>} has the kind of {@code T}. */
    public static JavaKind of(Type type) {
        Class<?> raw = rawClass(type);
        if (raw == Optional.class) {
            return of(typeArgument(type, 0, 1));
        }
        if (raw == OptionalInt.class || raw == OptionalLong.class || raw == OptionalDouble.class) {
            return JavaKind.single(raw == OptionalInt.class ? ValueKind.INTEGER
                    : raw == OptionalLong.class ? ValueKind.LONG : ValueKind.DOUBLE);
        }
        if (raw.isArray()) {
            Type component = type instanceof GenericArrayType g ? g.getGenericComponentType() : raw.getComponentType();
            return element(component);
        }
        if (Collection.class.isAssignableFrom(raw)) {
            return element(typeArgument(type, 0, 1));
        }
        if (Map.class.isAssignableFrom(raw)) {
            boolean localized = rawClass(typeArgument(type, 0, 2)) == Locale.class
                    && rawClass(typeArgument(type, 1, 2)) == String.class;
            return JavaKind.single(localized ? ValueKind.LOCALIZED : ValueKind.MAP);
        }
        return scalar(raw);
    }

    /** Whether values of this type are {@code Optional}s (or {@code OptionalInt}, …), which accessors unwrap. */
    public static boolean isOptional(Type type) {
        Class<?> raw = rawClass(type);
        return raw == Optional.class || raw == OptionalInt.class || raw == OptionalLong.class || raw == OptionalDouble.class;
    }

    /**
     * Whether instances of {@code type} are values rather than items: primitives, enums and everything in the
     * JDK. Other classes reached through attributes become item types.
     */
    public static boolean isValueClass(Class<?> type) {
        if (type.isPrimitive() || type.isArray() || Enum.class.isAssignableFrom(type)) {
            return true;
        }
        String name = type.getName();
        return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
                || name.startsWith("sun.") || name.startsWith("com.sun.");
    }

    private static JavaKind element(Type elementType) {
        Class<?> raw = rawClass(elementType);
        JavaKind kind = raw.isArray() || Collection.class.isAssignableFrom(raw) ? JavaKind.single(ValueKind.ANY) : of(elementType);
        return kind.asMany();
    }

    private static JavaKind scalar(Class<?> raw) {
        ValueKind known = SCALARS.get(raw);
        if (known != null) {
            return JavaKind.single(known);
        }
        if (Enum.class.isAssignableFrom(raw)) {
            return JavaKind.single(ValueKind.ENUM);
        }
        if (Date.class.isAssignableFrom(raw) || Calendar.class.isAssignableFrom(raw)) {
            return JavaKind.single(ValueKind.DATE);
        }
        if (CharSequence.class.isAssignableFrom(raw)) {
            return JavaKind.single(ValueKind.STRING);
        }
        if (Number.class.isAssignableFrom(raw)) {
            return JavaKind.single(ValueKind.ANY);
        }
        if (isValueClass(raw)) {
            return JavaKind.single(ValueKind.STRING);
        }
        return new JavaKind(ValueKind.ITEM, false, raw);
    }

    /** The {@code index}-th type argument when the raw type declares {@code arity} of them; else Object. */
    private static Type typeArgument(Type type, int index, int arity) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length == arity) {
            return p.getActualTypeArguments()[index];
        }
        return Object.class;
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return rawClass(p.getRawType());
        }
        if (type instanceof GenericArrayType g) {
            return rawClass(g.getGenericComponentType()).arrayType();
        }
        if (type instanceof WildcardType w) {
            return rawClass(w.getUpperBounds()[0]);
        }
        if (type instanceof TypeVariable<?> v) {
            return rawClass(v.getBounds()[0]); // Object when unbounded: the value's class decides at render time
        }
        return Object.class;
    }
}
