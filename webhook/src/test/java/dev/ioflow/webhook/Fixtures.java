package dev.ioflow.webhook;

import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.MapTypeSystem;
import dev.ioflow.core.PayloadRenderer;
import dev.ioflow.core.ValueKind;
import java.util.HashMap;
import java.util.Map;

/** The seed integration objects over map items. */
public final class Fixtures {
    static final IntegrationObject IO_CUSTOMER = IntegrationObject.builder("ioCustomer")
            .item("Customer", item -> item.root()
                    .attribute("customerID", a -> a.unique())
                    .attribute("contactEmail"))
            .build();
    static final IntegrationObject IO_PRODUCT = IntegrationObject.builder("ioProduct")
            .item("Product", item -> item.root()
                    .attribute("code", a -> a.unique())
                    .attribute("name"))
            .build();
    static final MapTypeSystem TYPES = MapTypeSystem.builder()
            .type("Customer", t -> t.attribute("customerID", ValueKind.STRING).attribute("contactEmail", ValueKind.STRING))
            .type("Product", t -> t.attribute("code", ValueKind.STRING).attribute("name", ValueKind.STRING))
            .discriminator("itemtype")
            .build();
    public static final PayloadRenderer CUSTOMERS = PayloadRenderer.of(IO_CUSTOMER, TYPES);
    static final PayloadRenderer PRODUCTS = PayloadRenderer.of(IO_PRODUCT, TYPES);

    private Fixtures() {
    }

    public static Map<String, Object> customer(String id, String email) {
        return item("Customer", "customerID", id, "contactEmail", email);
    }

    static Map<String, Object> product(String code, String name) {
        return item("Product", "code", code, "name", name);
    }

    private static Map<String, Object> item(String type, String keyName, String key, String valueName, String value) {
        Map<String, Object> item = new HashMap<>();
        item.put("itemtype", type);
        item.put(keyName, key);
        item.put(valueName, value);
        return item;
    }
}
