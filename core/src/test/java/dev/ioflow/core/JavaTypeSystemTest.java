package dev.ioflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JavaTypeSystemTest {

    record Customer(String customerID, String contactEmail, Address defaultAddress, List<Address> addresses) {
    }

    record Address(String street, String town) {
    }

    enum Status { ACTIVE, BLOCKED }

    record AllKinds(String text, char letter, UUID id, StringBuilder builder, boolean flag, Boolean boxedFlag,
                    int number, short small, byte tiny, long big, BigInteger huge, float ratio, double amount,
                    BigDecimal price, Date date, Calendar calendar, Instant instant, OffsetDateTime offset,
                    ZonedDateTime zoned, LocalDate day, LocalDateTime dayTime, Status status,
                    Map<Locale, String> name, Map<String, Object> extras, Object anything, URI homepage,
                    Set<Status> statuses, String[] tags, int[] scores) {
    }

    /** A JavaBean: getters (and isX for a boolean), no public fields. */
    static class Product {
        private final String code;
        private final boolean online;
        private final Map<Locale, String> name;

        Product(String code, boolean online, Map<Locale, String> name) {
            this.code = code;
            this.online = online;
            this.name = name;
        }

        public String getCode() {
            return code;
        }

        public boolean isOnline() {
            return online;
        }

        public Map<Locale, String> getName() {
            return name;
        }

        public String describe() {
            return "not a getter";
        }
    }

    /** Public fields, one shadowed by a getter. */
    static class Point {
        public int x;
        public int y;
        public String label = "field";

        public String getLabel() {
            return "getter:" + label;
        }
    }

    static class VipCustomer extends Party {
        public String getLevel() {
            return "gold";
        }
    }

    static class Party {
        public String getUid() {
            return "p1";
        }
    }

    /** Public, so javac gives it visibility bridges for the getters it inherits from a package-private class. */
    public static class PublicVip extends Party {
    }

    abstract static class Box<T> {
        public abstract T getContent();
    }

    /** Overrides a generic getter: the JVM also lists the erased bridge {@code Object getContent()}. */
    static class TextBox extends Box<String> {
        @Override
        public String getContent() {
            return "text";
        }
    }

    static class Opaque {
        private final String secretValue = "s";

        @Override
        public String toString() {
            return "Opaque(" + secretValue.length() + ")";
        }
    }

    record Holder(Opaque opaque) {
    }

    record Failing(String value) {
        @Override
        public String value() {
            throw new IllegalStateException("boom");
        }
    }

    interface Named {
        String getName();
    }

    record Brand(String name) implements Named {
        @Override
        public String getName() {
            return name;
        }
    }

    static class Shop {
        record Address(String street) {
        }
    }

    static class Warehouse {
        record Address(String dock) {
        }
    }

    record Site(Shop.Address shopAddress, Warehouse.Address warehouseAddress) {
    }

    /** A bean with Optional getters. */
    static class Contact {
        public Optional<String> getMiddleName() {
            return Optional.of("Q");
        }

        public Optional<Address> getAddress() {
            return Optional.empty();
        }
    }

    @Test
    void recordComponentsBecomeAttributesInDeclarationOrder() {
        ItemType customer = JavaTypeSystem.of(Customer.class).require("Customer");

        assertThat(customer.attributes()).extracting(AttributeDescriptor::name)
                .containsExactly("customerID", "contactEmail", "defaultAddress", "addresses");
    }

    @Test
    void recordAttributesReadTheComponents() {
        Customer c = new Customer("c1", "c1@example.com", new Address("Main St", "Springfield"), List.of());
        ItemType customer = JavaTypeSystem.of(Customer.class).require("Customer");

        assertThat(read(customer, "customerID", c)).isEqualTo("c1");
        assertThat(read(customer, "contactEmail", c)).isEqualTo("c1@example.com");
        assertThat(read(customer, "defaultAddress", c)).isEqualTo(new Address("Main St", "Springfield"));
    }

    @Test
    void referencedClassesAreRegisteredUnderTheirSimpleName() {
        JavaTypeSystem types = JavaTypeSystem.of(Customer.class);

        assertThat(types.types()).extracting(ItemType::code).containsExactly("Customer", "Address");
        assertThat(types.require("Address").attributes()).extracting(AttributeDescriptor::name).containsExactly("street", "town");
    }

    @Test
    void singleReferenceIsAnItemAttribute() {
        AttributeDescriptor address = JavaTypeSystem.of(Customer.class).require("Customer").attribute("defaultAddress");

        assertThat(address.kind()).isEqualTo(ValueKind.ITEM);
        assertThat(address.referencedType()).isEqualTo("Address");
        assertThat(address.many()).isFalse();
    }

    @Test
    void collectionOfItemsIsAManyItemAttribute() {
        AttributeDescriptor addresses = JavaTypeSystem.of(Customer.class).require("Customer").attribute("addresses");

        assertThat(addresses.kind()).isEqualTo(ValueKind.ITEM);
        assertThat(addresses.referencedType()).isEqualTo("Address");
        assertThat(addresses.many()).isTrue();
    }

    @Test
    void valueKindsFollowTheDeclaredJavaTypes() {
        ItemType all = JavaTypeSystem.of(AllKinds.class).require("AllKinds");
        Map<String, ValueKind> kinds = new LinkedHashMap<>();
        all.attributes().forEach(a -> kinds.put(a.name(), a.kind()));

        assertThat(kinds).containsExactly(
                Map.entry("text", ValueKind.STRING), Map.entry("letter", ValueKind.STRING), Map.entry("id", ValueKind.STRING),
                Map.entry("builder", ValueKind.STRING), Map.entry("flag", ValueKind.BOOLEAN),
                Map.entry("boxedFlag", ValueKind.BOOLEAN), Map.entry("number", ValueKind.INTEGER),
                Map.entry("small", ValueKind.INTEGER), Map.entry("tiny", ValueKind.INTEGER), Map.entry("big", ValueKind.LONG),
                Map.entry("huge", ValueKind.LONG), Map.entry("ratio", ValueKind.DOUBLE), Map.entry("amount", ValueKind.DOUBLE),
                Map.entry("price", ValueKind.DECIMAL), Map.entry("date", ValueKind.DATE), Map.entry("calendar", ValueKind.DATE),
                Map.entry("instant", ValueKind.DATE), Map.entry("offset", ValueKind.DATE), Map.entry("zoned", ValueKind.DATE),
                Map.entry("day", ValueKind.LOCAL_DATE), Map.entry("dayTime", ValueKind.LOCAL_DATE_TIME),
                Map.entry("status", ValueKind.ENUM), Map.entry("name", ValueKind.LOCALIZED), Map.entry("extras", ValueKind.MAP),
                Map.entry("anything", ValueKind.ANY), Map.entry("homepage", ValueKind.STRING),
                Map.entry("statuses", ValueKind.ENUM), Map.entry("tags", ValueKind.STRING), Map.entry("scores", ValueKind.INTEGER));
    }

    @Test
    void collectionsAndArraysOfValuesAreManyWithTheElementKind() {
        ItemType all = JavaTypeSystem.of(AllKinds.class).require("AllKinds");

        assertThat(all.attributes()).filteredOn(AttributeDescriptor::many).extracting(AttributeDescriptor::name)
                .containsExactly("statuses", "tags", "scores");
    }

    @Test
    void enumsAndJdkClassesAreNotItemTypes() {
        assertThat(JavaTypeSystem.of(AllKinds.class).types()).extracting(ItemType::code).containsExactly("AllKinds");
    }

    record Stock(OptionalInt units, OptionalLong reserved, OptionalDouble weight) {
    }

    @Test
    void primitiveOptionalsHaveTheKindOfTheirContentAndReadUnwrapped() {
        ItemType stock = JavaTypeSystem.of(Stock.class).require("Stock");
        Stock item = new Stock(OptionalInt.of(3), OptionalLong.empty(), OptionalDouble.of(1.5));

        assertThat(stock.attributes()).extracting(AttributeDescriptor::kind)
                .containsExactly(ValueKind.INTEGER, ValueKind.LONG, ValueKind.DOUBLE);
        assertThat(read(stock, "units", item)).isEqualTo(3);
        assertThat(read(stock, "reserved", item)).isNull();
        assertThat(read(stock, "weight", item)).isEqualTo(1.5);
    }

    @Test
    void optionalAttributesHaveTheKindOfTheirContentAndReadUnwrapped() {
        ItemType contact = JavaTypeSystem.of(Contact.class).require("Contact");

        assertThat(contact.attribute("middleName").kind()).isEqualTo(ValueKind.STRING);
        assertThat(contact.attribute("address").referencedType()).isEqualTo("Address");
        assertThat(read(contact, "middleName", new Contact())).isEqualTo("Q");
        assertThat(read(contact, "address", new Contact())).isNull();
    }

    @Test
    void beanGettersAreAttributesAndIsGettersServeBooleans() {
        ItemType product = JavaTypeSystem.of(Product.class).require("Product");
        Product p = new Product("P1", true, Map.of(Locale.ENGLISH, "Shirt"));

        assertThat(product.attributes()).extracting(AttributeDescriptor::name).containsExactly("code", "online", "name");
        assertThat(read(product, "online", p)).isEqualTo(true);
        assertThat(product.attribute("name").kind()).isEqualTo(ValueKind.LOCALIZED);
        assertThat(read(product, "name", p)).isEqualTo(Map.of(Locale.ENGLISH, "Shirt"));
    }

    @Test
    void publicFieldsAreAttributesAndAGetterWinsOverAFieldOfTheSameName() {
        ItemType point = JavaTypeSystem.of(Point.class).require("Point");
        Point p = new Point();
        p.x = 3;
        p.y = 4;

        assertThat(point.attributes()).extracting(AttributeDescriptor::name).containsExactly("x", "y", "label");
        assertThat(read(point, "x", p)).isEqualTo(3);
        assertThat(read(point, "label", p)).isEqualTo("getter:field");
    }

    @Test
    void inheritedGettersAreAttributesOfTheSubclass() {
        ItemType vip = JavaTypeSystem.of(VipCustomer.class).require("VipCustomer");

        assertThat(vip.attributes()).extracting(AttributeDescriptor::name).containsExactlyInAnyOrder("level", "uid");
        assertThat(read(vip, "uid", new VipCustomer())).isEqualTo("p1");
    }

    @Test
    void gettersInheritedByAPublicClassFromAPackagePrivateOneAreAttributes() {
        ItemType vip = JavaTypeSystem.of(PublicVip.class).require("PublicVip");

        assertThat(vip.attributes()).extracting(AttributeDescriptor::name).containsExactly("uid");
        assertThat(read(vip, "uid", new PublicVip())).isEqualTo("p1");
    }

    @Test
    void overriddenGenericGetterHasTheKindOfTheOverride() {
        ItemType box = JavaTypeSystem.of(TextBox.class).require("TextBox");

        assertThat(box.attribute("content").kind()).isEqualTo(ValueKind.STRING);
        assertThat(read(box, "content", new TextBox())).isEqualTo("text");
    }

    @Test
    void typeOfFindsTheTypeOfTheItemsClass() {
        JavaTypeSystem types = JavaTypeSystem.of(Customer.class);

        assertThat(types.typeOf(new Address("Main St", "Springfield")).code()).isEqualTo("Address");
    }

    @Test
    void typeOfASubclassInstanceIsTheNearestRegisteredSuperclass() {
        JavaTypeSystem types = JavaTypeSystem.of(Party.class);

        assertThat(types.typeOf(new VipCustomer()).code()).isEqualTo("Party");
        assertThat(types.require("Party").isInstance(new VipCustomer())).isTrue();
    }

    @Test
    void interfaceGettersAreAttributesAndImplementationsItsInstances() {
        JavaTypeSystem types = JavaTypeSystem.of(Named.class);

        assertThat(types.require("Named").attributes()).extracting(AttributeDescriptor::name).containsExactly("name");
        assertThat(types.typeOf(new Brand("acme")).code()).isEqualTo("Named");
        assertThat(read(types.require("Named"), "name", new Brand("acme"))).isEqualTo("acme");
    }

    @Test
    void typeOfAnUnknownObjectOrNullIsEmpty() {
        JavaTypeSystem types = JavaTypeSystem.of(Customer.class);

        assertThat(types.typeOf("not an item")).isNull();
        assertThat(types.typeOf(null)).isNull();
        assertThat(types.require("Customer").isInstance(new Address("a", "b"))).isFalse();
    }

    @Test
    void builderOverridesTheCodeAndReferencesUseIt() {
        JavaTypeSystem types = JavaTypeSystem.builder().type(Customer.class).type("PostalAddress", Address.class).build();

        assertThat(types.find("Address")).isNull();
        assertThat(types.require("Customer").attribute("addresses").referencedType()).isEqualTo("PostalAddress");
    }

    @Test
    void unknownCodeIsEmptyAndRequireNamesIt() {
        JavaTypeSystem types = JavaTypeSystem.of(Customer.class);

        assertThat(types.find("Order")).isNull();
        assertThatThrownBy(() -> types.require("Order")).isInstanceOf(UnknownTypeException.class)
                .hasMessage("unknown item type 'Order'");
    }

    @Test
    void registeredClassWithoutReadableAttributesIsRejectedByName() {
        assertThatThrownBy(() -> JavaTypeSystem.of(Opaque.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("class " + Opaque.class.getName() + " has no readable attributes (no record components, "
                        + "public getters or public fields), so it cannot be an item type");
    }

    @Test
    void reachedClassWithoutReadableAttributesIsTextNotAnItem() {
        JavaTypeSystem types = JavaTypeSystem.of(Holder.class);

        assertThat(types.find("Opaque")).isNull();
        assertThat(types.require("Holder").attribute("opaque").kind()).isEqualTo(ValueKind.STRING);
    }

    @Test
    void jdkClassCannotBeRegistered() {
        assertThatThrownBy(() -> JavaTypeSystem.of(String.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("class java.lang.String is a value class (JDK class, enum, array or primitive), not an item type");
    }

    @Test
    void twoClassesWithTheSameCodeAreRejected() {
        assertThatThrownBy(() -> JavaTypeSystem.builder().type("Customer", Customer.class).type("Customer", Address.class).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("item type code 'Customer' would name both " + Customer.class.getName() + " and "
                        + Address.class.getName() + ": register one of them with type(code, class)");
    }

    @Test
    void reachedClassesWithTheSameSimpleNameAreRejectedWithWhereTheSecondWasReached() {
        assertThatThrownBy(() -> JavaTypeSystem.of(Site.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("item type code 'Address' would name both " + Shop.Address.class.getName() + " and "
                        + Warehouse.Address.class.getName() + " (reached through " + Site.class.getName()
                        + ".warehouseAddress): register one of them with type(code, class)");
    }

    @Test
    void registeringOneOfTwoSameNamedClassesUnderAnotherCodeResolvesTheClash() {
        JavaTypeSystem types = JavaTypeSystem.builder().type(Site.class).type("Dock", Warehouse.Address.class).build();

        assertThat(types.types()).extracting(ItemType::code).containsExactly("Site", "Dock", "Address");
    }

    @Test
    void aClassRegisteredUnderTwoCodesIsRejected() {
        assertThatThrownBy(() -> JavaTypeSystem.builder().type("A", Address.class).type("B", Address.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("class " + Address.class.getName() + " is registered twice, as 'A' and as 'B'");
    }

    @Test
    void methodAccessorsAreGeneratedClassesAndFieldAccessorsMethodHandles() {
        AttributeAccessor component = JavaTypeSystem.of(Customer.class).require("Customer").attribute("customerID").accessor();
        AttributeAccessor field = JavaTypeSystem.of(Point.class).require("Point").attribute("x").accessor();

        assertThat(component.getClass().isHidden()).as("LambdaMetafactory class").isTrue();
        assertThat(field.getClass().getSimpleName()).isEqualTo("MethodHandleAccessor");
    }

    @Test
    void exceptionsOfAnAccessorReachTheCaller() {
        ItemType failing = JavaTypeSystem.of(Failing.class).require("Failing");

        assertThatThrownBy(() -> read(failing, "value", new Failing("x")))
                .isInstanceOf(IllegalStateException.class).hasMessage("boom");
    }

    private static Object read(ItemType type, String attribute, Object item) {
        return type.attribute(attribute).accessor().read(item);
    }
}
