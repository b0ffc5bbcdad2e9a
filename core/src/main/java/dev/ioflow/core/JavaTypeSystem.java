package dev.ioflow.core;

import dev.ioflow.core.internal.types.JavaTypeDiscovery;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A {@link TypeSystem} over Java classes: records (their components), JavaBeans ({@code getX()} and
 * {@code isX()} getters) and classes with public fields. Each registered class is an item type, coded by its
 * simple name unless given a code; so is every class it reaches through its attributes (directly or as the
 * element of a collection or an array), except JDK classes, enums and primitives, which are values.
 *
 * <p>Value kinds follow the declared types: {@code String}, {@code char}, {@code UUID} and other
 * {@code CharSequence}s are {@link ValueKind#STRING}; {@code boolean} {@link ValueKind#BOOLEAN};
 * {@code int}/{@code short}/{@code byte} {@link ValueKind#INTEGER}; {@code long}/{@code BigInteger}
 * {@link ValueKind#LONG}; {@code float}/{@code double} {@link ValueKind#DOUBLE}; {@code BigDecimal}
 * {@link ValueKind#DECIMAL}; {@code Date}/{@code Calendar}/{@code Instant}/{@code OffsetDateTime}/{@code ZonedDateTime}
 * {@link ValueKind#DATE}; {@code LocalDate} and {@code LocalDateTime} their own kinds; enums
 * {@link ValueKind#ENUM}; {@code Map<Locale, String>} {@link ValueKind#LOCALIZED}; other maps
 * {@link ValueKind#MAP}; collections and arrays are {@code many} with their element's kind; item classes
 * {@link ValueKind#ITEM}; an {@code Optional<T>} has the kind of {@code T} and reads as its content (or null).
 * Other JDK classes ({@code URI}, {@code LocalTime}…) are text; a reached class with no readable attributes is
 * text too (its {@code toString()}).
 *
 * <p>Types are writable (see {@link ItemType#factory()}) when ioflow can make their instances: records through
 * their canonical constructor (an update makes a new record with the merged values), JavaBeans through a public
 * no-argument constructor and setters, classes with public fields through those fields (beans and fields are
 * updated in place). Values are converted to the declared types: narrower numbers range-checked, dates from
 * instants at UTC, enums from their names, collections and arrays as declared. A bean property without setter
 * is read-only; abstract classes and classes without such a constructor have no factory.
 *
 * <p>An attribute is {@link AttributeDescriptor#mandatory() mandatory} (an inbound OData service then requires a
 * value on create and refuses null) when its record component, getter, public field or the field behind a getter is
 * annotated JSpecify {@code @NonNull} or Jakarta Validation {@code @NotNull}; or, in JSpecify {@code @NullMarked}
 * code (class, enclosing class, package or module; a nearer {@code @NullUnmarked} ends it), when it is
 * reference-typed, not {@code Optional}, and not annotated {@code @Nullable}; or when
 * {@link Builder#mandatory(Class, String...)} names it. Annotations are recognised by name, so neither library is
 * needed at run time.
 *
 * <p>Accessors are resolved once, here: reads never use {@code Method.invoke}. In a named module, open the
 * package of your item classes to {@code dev.ioflow.core} (or make them public and exported).
 *
 * <pre>{@code
 * record Customer(String customerID, String contactEmail, List<Address> addresses) {}
 * record Address(String street, String town) {}
 *
 * JavaTypeSystem types = JavaTypeSystem.of(Customer.class);          // Customer and Address
 * types.require("Address");
 * types.typeOf(new Customer("c1", "c1@example.com", List.of()));       // ItemType[Customer, …]
 * JavaTypeSystem renamed = JavaTypeSystem.builder().type("B2BCustomer", Customer.class).build();
 * }</pre>
 *
 * @since 0.1
 */
public final class JavaTypeSystem implements TypeSystem {
    private final Map<Class<?>, ItemType> byClass;
    private final Map<String, ItemType> byCode = new LinkedHashMap<>();
    private final ClassValue<Optional<ItemType>> typeOfClass = new ClassValue<>() {
        @Override
        protected Optional<ItemType> computeValue(Class<?> type) {
            return resolve(type);
        }
    };

    private JavaTypeSystem(Map<Class<?>, ItemType> byClass) {
        this.byClass = Map.copyOf(byClass);
        byClass.values().forEach(t -> byCode.put(t.code(), t));
    }

    /**
     * A type system of these classes (coded by their simple names) and the classes they reach.
     *
     * @throws IllegalArgumentException naming the class when one cannot be an item type
     */
    public static JavaTypeSystem of(Class<?>... classes) {
        Builder builder = builder();
        for (Class<?> type : classes) {
            builder.type(type);
        }
        return builder.build();
    }

    /** Starts a type system to which classes are added one by one. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public @Nullable ItemType find(String code) {
        return byCode.get(code);
    }

    /** The type of the item's class, or of its nearest registered superclass (or interface); null when none. */
    @Override
    public @Nullable ItemType typeOf(@Nullable Object item) {
        return item == null ? null : typeOfClass.get(item.getClass()).orElse(null);
    }

    /** Every item type, registered ones first, then those reached through attributes. */
    public List<ItemType> types() {
        return List.copyOf(byCode.values());
    }

    private Optional<ItemType> resolve(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            ItemType found = byClass.get(c);
            if (found != null) {
                return Optional.of(found);
            }
        }
        List<Class<?>> interfaces = new ArrayList<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            interfaces.addAll(List.of(c.getInterfaces()));
        }
        for (int i = 0; i < interfaces.size(); i++) {
            ItemType found = byClass.get(interfaces.get(i));
            if (found != null) {
                return Optional.of(found);
            }
            interfaces.addAll(List.of(interfaces.get(i).getInterfaces()));
        }
        return Optional.empty();
    }

    @Override
    public Set<String> codes() {
        return Collections.unmodifiableSet(byCode.keySet());
    }

    @Override
    public String toString() {
        return "JavaTypeSystem" + byCode.keySet();
    }

    /** Builds a {@link JavaTypeSystem}. */
    public static final class Builder {
        private final Map<Class<?>, String> registered = new LinkedHashMap<>();
        private final Map<Class<?>, Set<String>> mandatory = new LinkedHashMap<>();

        private Builder() {
        }

        /** Adds a class as an item type coded by its simple name. */
        public Builder type(Class<?> type) {
            Objects.requireNonNull(type, "type");
            return type(type.getSimpleName(), type);
        }

        /** Adds a class as an item type with this code (classes that reach it use this code too). */
        public Builder type(String code, Class<?> type) {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(type, "type");
            String previous = registered.putIfAbsent(type, code);
            if (previous != null && !previous.equals(code)) {
                throw new IllegalArgumentException("class " + type.getName() + " is registered twice, as '" + previous
                        + "' and as '" + code + "'");
            }
            return this;
        }

        /**
         * Marks attributes of an item class {@link AttributeDescriptor#mandatory() mandatory} (SAP's
         * {@code optional="false"}), for classes that carry no nullness annotations:
         * {@code .type(Customer.class).mandatory(Customer.class, "contactEmail")}. The class must be an item type
         * when the type system is built (registered, or reached from a registered one).
         *
         * @throws IllegalArgumentException from {@link #build()} when the class is no item type or has no such attribute
         * @since 1.0
         */
        public Builder mandatory(Class<?> type, String... attributes) {
            Objects.requireNonNull(type, "type");
            Set<String> names = mandatory.computeIfAbsent(type, t -> new LinkedHashSet<>());
            for (String attribute : attributes) {
                names.add(Objects.requireNonNull(attribute, "attribute"));
            }
            return this;
        }

        /**
         * Introspects the classes and resolves every accessor.
         *
         * @throws IllegalArgumentException naming the class when one cannot be an item type (no readable
         *                                  attributes, a JDK class, not readable by ioflow) or two share a code
         */
        public JavaTypeSystem build() {
            return new JavaTypeSystem(JavaTypeDiscovery.discover(registered, mandatory));
        }
    }
}
