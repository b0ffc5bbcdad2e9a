package dev.ioflow.core.internal.types;

import dev.ioflow.core.ValueConversionException;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collection;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Converts canonical inbound values (see {@code ItemFactory.convert}) into the declared Java type of an attribute:
 * narrower numbers with range checks, {@code Date}/{@code Calendar}/{@code OffsetDateTime} from instants (UTC),
 * enum constants from names, collections and arrays of the declared kind, {@code Optional}s, and JDK value classes
 * from text ({@code URI}, {@code Locale}, {@code parse}/{@code valueOf}/{@code of} factories). Values already of
 * the declared type pass unchanged.
 */
public final class JavaConversions {
    private static final Map<Class<?>, Class<?>> BOXES = Map.of(boolean.class, Boolean.class, int.class, Integer.class,
            long.class, Long.class, short.class, Short.class, byte.class, Byte.class, char.class, Character.class,
            double.class, Double.class, float.class, Float.class);

    private JavaConversions() {
    }

    /** The value as an instance of {@code target}; null stays null. */
    public static Object convert(Type target, Object value) {
        if (value == null) {
            return null;
        }
        Class<?> raw = rawClass(target);
        if (raw == Optional.class) {
            return Optional.ofNullable(convert(argument(target, 0), value));
        }
        if (raw == OptionalInt.class) {
            return OptionalInt.of((Integer) convert(Integer.class, value));
        }
        if (raw == OptionalLong.class) {
            return OptionalLong.of((Long) convert(Long.class, value));
        }
        if (raw == OptionalDouble.class) {
            return OptionalDouble.of((Double) convert(Double.class, value));
        }
        if (raw.isArray()) {
            return array(target, raw, value);
        }
        if (Collection.class.isAssignableFrom(raw)) {
            return collection(raw, argument(target, 0), value);
        }
        if (Map.class.isAssignableFrom(raw)) {
            if (!(value instanceof Map<?, ?> map)) {
                throw ValueConversionException.invalid("expected a map, got " + value.getClass().getSimpleName());
            }
            return SortedMap.class.isAssignableFrom(raw) ? new TreeMap<>(map) : new LinkedHashMap<>(map);
        }
        Class<?> boxed = BOXES.getOrDefault(raw, raw);
        if (boxed.isInstance(value)) {
            return value;
        }
        if (value instanceof Number number) {
            return number(boxed, number);
        }
        if (value instanceof Instant instant) {
            return instant(boxed, instant);
        }
        if (value instanceof String text) {
            return fromText(boxed, text);
        }
        throw ValueConversionException.invalid("a " + value.getClass().getSimpleName() + " cannot be a " + raw.getSimpleName());
    }

    private static Object number(Class<?> target, Number number) {
        if (target == Double.class) {
            return number.doubleValue();
        }
        if (target == Float.class) {
            double d = number.doubleValue();
            if (Double.isFinite(d) && Math.abs(d) > Float.MAX_VALUE) {
                throw ValueConversionException.outOfRange(number + " is out of the range of a float");
            }
            return (float) d;
        }
        if (target == BigDecimal.class) {
            return number instanceof BigInteger b ? new BigDecimal(b) : new BigDecimal(number.toString());
        }
        BigInteger whole;
        try {
            whole = number instanceof BigInteger b ? b : new BigDecimal(number.toString()).toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw ValueConversionException.invalid(number + " is not a whole number");
        }
        if (target == BigInteger.class) {
            return whole;
        }
        if (target == Long.class) {
            return fits(whole, Long.MIN_VALUE, Long.MAX_VALUE, "long").longValue();
        }
        if (target == Integer.class) {
            return fits(whole, Integer.MIN_VALUE, Integer.MAX_VALUE, "int").intValue();
        }
        if (target == Short.class) {
            return fits(whole, Short.MIN_VALUE, Short.MAX_VALUE, "short").shortValue();
        }
        if (target == Byte.class) {
            return fits(whole, Byte.MIN_VALUE, Byte.MAX_VALUE, "byte").byteValue();
        }
        if (target == String.class || target == Object.class) {
            return number.toString();
        }
        throw ValueConversionException.invalid("a number cannot be a " + target.getSimpleName());
    }

    private static BigInteger fits(BigInteger value, long min, long max, String type) {
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw ValueConversionException.outOfRange(value + " is out of the range of a " + type + " (" + min + " to " + max + ")");
        }
        return value;
    }

    private static Object instant(Class<?> target, Instant instant) {
        if (target == Date.class) {
            return Date.from(instant);
        }
        if (target == Calendar.class || target == GregorianCalendar.class) {
            GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
            calendar.setTimeInMillis(instant.toEpochMilli());
            return calendar;
        }
        if (target == OffsetDateTime.class) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (target == ZonedDateTime.class) {
            return instant.atZone(ZoneOffset.UTC);
        }
        if (Date.class.isAssignableFrom(target)) {
            return textFactory(target, Instant.class, instant); // java.sql.Timestamp.from(Instant)
        }
        throw ValueConversionException.invalid("a date cannot be a " + target.getSimpleName());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object fromText(Class<?> target, String text) {
        if (target.isEnum()) {
            for (Object constant : target.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(text)) {
                    return constant;
                }
            }
            throw ValueConversionException.invalid("'" + text + "' is not a " + target.getSimpleName() + " (one of "
                    + Arrays.toString(target.getEnumConstants()) + ")");
        }
        if (target == Character.class) {
            if (text.length() != 1) {
                throw ValueConversionException.invalid("'" + text + "' is not a single character");
            }
            return text.charAt(0);
        }
        if (target == UUID.class) {
            try {
                return UUID.fromString(text);
            } catch (IllegalArgumentException e) {
                throw ValueConversionException.invalid("'" + text + "' is not a UUID");
            }
        }
        if (target == Locale.class) {
            return Locale.forLanguageTag(text);
        }
        if (target == Object.class || target.isInstance(text)) {
            return text;
        }
        return textFactory(target, String.class, text);
    }

    /** {@code T.parse(CharSequence)}, {@code T.valueOf(String)}, {@code T.of(String)}, {@code T.from(x)} or {@code new T(String)}. */
    private static Object textFactory(Class<?> target, Class<?> argument, Object value) {
        for (Method method : target.getMethods()) {
            if (Modifier.isStatic(method.getModifiers()) && method.getParameterCount() == 1
                    && List.of("parse", "valueOf", "of", "from", "create").contains(method.getName())
                    && method.getParameterTypes()[0].isAssignableFrom(argument) && target.isAssignableFrom(method.getReturnType())) {
                return invoke(target, value, () -> method.invoke(null, value));
            }
        }
        try {
            Constructor<?> constructor = target.getConstructor(argument);
            return invoke(target, value, () -> constructor.newInstance(value));
        } catch (NoSuchMethodException e) {
            throw ValueConversionException.invalid("a " + argument.getSimpleName() + " cannot be a " + target.getSimpleName());
        }
    }

    private interface Call {
        Object call() throws ReflectiveOperationException;
    }

    private static Object invoke(Class<?> target, Object value, Call call) {
        try {
            return call.call();
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw ValueConversionException.invalid("'" + value + "' is not a " + target.getSimpleName() + ": "
                    + e.getCause().getMessage());
        } catch (ReflectiveOperationException e) {
            throw ValueConversionException.invalid("'" + value + "' cannot be made a " + target.getSimpleName() + ": " + e);
        }
    }

    private static Object array(Type target, Class<?> raw, Object value) {
        List<Object> elements = elements(value);
        Type component = target instanceof GenericArrayType g ? g.getGenericComponentType() : raw.getComponentType();
        Object array = Array.newInstance(raw.getComponentType(), elements.size());
        for (int i = 0; i < elements.size(); i++) {
            Object element = convert(component, elements.get(i));
            if (element == null && raw.getComponentType().isPrimitive()) {
                throw ValueConversionException.invalid("element " + i + " is null, but the array holds " + raw.getComponentType());
            }
            Array.set(array, i, element);
        }
        return array;
    }

    @SuppressWarnings("unchecked")
    private static Object collection(Class<?> raw, Type elementType, Object value) {
        Collection<Object> collection;
        if (raw.isAssignableFrom(ArrayList.class)) {
            collection = new ArrayList<>();
        } else if (raw.isAssignableFrom(LinkedHashSet.class)) {
            collection = new LinkedHashSet<>();
        } else if (raw.isAssignableFrom(TreeSet.class) || SortedSet.class.isAssignableFrom(raw) && raw.isInterface()) {
            collection = new TreeSet<>();
        } else {
            try {
                collection = (Collection<Object>) raw.getConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw ValueConversionException.invalid("cannot make a " + raw.getSimpleName() + " (no public no-argument constructor)");
            }
        }
        for (Object element : elements(value)) {
            collection.add(convert(elementType, element));
        }
        return collection;
    }

    private static List<Object> elements(Object value) {
        if (value instanceof Collection<?> c) {
            return new ArrayList<>(c);
        }
        if (value.getClass().isArray()) {
            List<Object> list = new ArrayList<>();
            for (int i = 0, n = Array.getLength(value); i < n; i++) {
                list.add(Array.get(value, i));
            }
            return list;
        }
        throw ValueConversionException.invalid("expected a collection, got " + value.getClass().getSimpleName());
    }

    private static Type argument(Type type, int index) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            return p.getActualTypeArguments()[index];
        }
        return Object.class;
    }

    static Class<?> rawClass(Type type) {
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
            return rawClass(v.getBounds()[0]);
        }
        return Object.class;
    }
}
