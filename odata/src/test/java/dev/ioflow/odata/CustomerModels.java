package dev.ioflow.odata;

import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.JavaTypeSystem;
import dev.ioflow.core.MapTypeSystem;
import dev.ioflow.core.TypeSystem;
import dev.ioflow.core.ValueKind;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.NonNull;
import org.jspecify.annotations.NullUnmarked;

/**
 * One customer integration object over three kinds of items: maps, records and JavaBeans. The key attributes are
 * mandatory (JSpecify {@code @NonNull}: the classes are not null-marked, though their package is), the others
 * optional unless a test's type system says otherwise.
 */
@NullUnmarked
public final class CustomerModels {
    private CustomerModels() {
    }

    /** A customer as a record. */
    public record CustomerRecord(@NonNull String customerId, String email, String firstName, Integer age, List<AddressRecord> addresses) {
    }

    /** An address as a record. */
    public record AddressRecord(@NonNull String addressId, String town) {
    }

    /** A customer as a JavaBean. */
    public static class CustomerBean {
        private String customerId;
        private String email;
        private String firstName;
        private Integer age;
        private List<AddressBean> addresses = new ArrayList<>();

        public @NonNull String getCustomerId() {
            return customerId;
        }

        public void setCustomerId(String customerId) {
            this.customerId = customerId;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public String getFirstName() {
            return firstName;
        }

        public void setFirstName(String firstName) {
            this.firstName = firstName;
        }

        public Integer getAge() {
            return age;
        }

        public void setAge(Integer age) {
            this.age = age;
        }

        public List<AddressBean> getAddresses() {
            return addresses;
        }

        public void setAddresses(List<AddressBean> addresses) {
            this.addresses = addresses;
        }
    }

    /** An address as a JavaBean. */
    public static class AddressBean {
        private @NonNull String addressId;
        private String town;

        public String getAddressId() {
            return addressId;
        }

        public void setAddressId(String addressId) {
            this.addressId = addressId;
        }

        public String getTown() {
            return town;
        }

        public void setTown(String town) {
            this.town = town;
        }
    }

    static IntegrationObject inboundCustomer() {
        return IntegrationObject.builder("InboundCustomer")
                .item("Customer", i -> i.root().attribute("customerId", a -> a.unique()).attribute("email")
                        .attribute("firstName").attribute("age")
                        .attribute("addresses", a -> a.item("Address").partOf(true)))
                .item("Address", i -> i.attribute("addressId", a -> a.unique()).attribute("town"))
                .build();
    }

    static TypeSystem maps() {
        return maps(false);
    }

    static TypeSystem records() {
        return JavaTypeSystem.builder().type("Customer", CustomerRecord.class).type("Address", AddressRecord.class).build();
    }

    static TypeSystem beans() {
        return JavaTypeSystem.builder().type("Customer", CustomerBean.class).type("Address", AddressBean.class).build();
    }

    /** The map types with a customer's {@code email} and {@code addresses} and an address's {@code town} mandatory. */
    static TypeSystem strictMaps() {
        return maps(true);
    }

    /** The record types with the {@link #strictMaps()} mandatory attributes, through the builder. */
    static TypeSystem strictRecords() {
        return JavaTypeSystem.builder().type("Customer", CustomerRecord.class).type("Address", AddressRecord.class)
                .mandatory(CustomerRecord.class, "email", "addresses").mandatory(AddressRecord.class, "town").build();
    }

    /** The bean types with the {@link #strictMaps()} mandatory attributes, through the builder. */
    static TypeSystem strictBeans() {
        return JavaTypeSystem.builder().type("Customer", CustomerBean.class).type("Address", AddressBean.class)
                .mandatory(CustomerBean.class, "email", "addresses").mandatory(AddressBean.class, "town").build();
    }

    private static TypeSystem maps(boolean strict) {
        String[] customer = strict ? new String[] {"customerId", "email", "addresses"} : new String[] {"customerId"};
        String[] address = strict ? new String[] {"addressId", "town"} : new String[] {"addressId"};
        return MapTypeSystem.builder()
                .type("Customer", t -> t.attribute("customerId", ValueKind.STRING).attribute("email", ValueKind.STRING)
                        .attribute("firstName", ValueKind.STRING).attribute("age", ValueKind.INTEGER)
                        .reference("addresses", "Address", true).mandatory(customer))
                .type("Address", t -> t.attribute("addressId", ValueKind.STRING).attribute("town", ValueKind.STRING)
                        .mandatory(address))
                .build();
    }
}
