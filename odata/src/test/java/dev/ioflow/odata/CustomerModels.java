package dev.ioflow.odata;

import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.JavaTypeSystem;
import dev.ioflow.core.MapTypeSystem;
import dev.ioflow.core.TypeSystem;
import dev.ioflow.core.ValueKind;
import java.util.ArrayList;
import java.util.List;

/** One customer integration object over three kinds of items: maps, records and JavaBeans. */
public final class CustomerModels {
    private CustomerModels() {
    }

    /** A customer as a record. */
    public record CustomerRecord(String customerId, String email, String firstName, Integer age, List<AddressRecord> addresses) {
    }

    /** An address as a record. */
    public record AddressRecord(String addressId, String town) {
    }

    /** A customer as a JavaBean. */
    public static class CustomerBean {
        private String customerId;
        private String email;
        private String firstName;
        private Integer age;
        private List<AddressBean> addresses = new ArrayList<>();

        public String getCustomerId() {
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
        private String addressId;
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
        return MapTypeSystem.builder()
                .type("Customer", t -> t.attribute("customerId", ValueKind.STRING).attribute("email", ValueKind.STRING)
                        .attribute("firstName", ValueKind.STRING).attribute("age", ValueKind.INTEGER)
                        .reference("addresses", "Address", true))
                .type("Address", t -> t.attribute("addressId", ValueKind.STRING).attribute("town", ValueKind.STRING))
                .build();
    }

    static TypeSystem records() {
        return JavaTypeSystem.builder().type("Customer", CustomerRecord.class).type("Address", AddressRecord.class).build();
    }

    static TypeSystem beans() {
        return JavaTypeSystem.builder().type("Customer", CustomerBean.class).type("Address", AddressBean.class).build();
    }
}
