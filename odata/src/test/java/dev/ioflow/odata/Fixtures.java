package dev.ioflow.odata;

import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.MapTypeSystem;
import dev.ioflow.core.ValueKind;

/** The integration objects the tests serve: a subset of SAP's InboundProduct over map items. */
final class Fixtures {
    static final String ADMIN = "admin";
    static final String PASSWORD = "nimda";

    private Fixtures() {
    }

    static MapTypeSystem productTypes() {
        return MapTypeSystem.builder()
                .type("Product", t -> t.attribute("code", ValueKind.STRING).localized("name")
                        .attribute("sapEAN", ValueKind.STRING).attribute("sapBlocked", ValueKind.BOOLEAN)
                        .attribute("sapBlockedDate", ValueKind.DATE).attribute("sapBaseUnitConversion", ValueKind.DOUBLE)
                        .reference("catalogVersion", "CatalogVersion", false).reference("unit", "Unit", false)
                        .reference("supercategories", "Category", true).reference("pricerow", "PriceRow", true)
                        .mandatory("code", "catalogVersion"))
                .type("CatalogVersion", t -> t.attribute("version", ValueKind.STRING).attribute("active", ValueKind.BOOLEAN)
                        .reference("catalog", "Catalog", false).mandatory("version", "catalog"))
                .type("Catalog", t -> t.attribute("id", ValueKind.STRING).mandatory("id"))
                .type("Category", t -> t.attribute("code", ValueKind.STRING).reference("catalogVersion", "CatalogVersion", false)
                        .mandatory("code", "catalogVersion"))
                .type("Unit", t -> t.attribute("code", ValueKind.STRING).attribute("unitType", ValueKind.STRING).localized("name")
                        .mandatory("code", "unitType"))
                .type("PriceRow", t -> t.attribute("price", ValueKind.DOUBLE).reference("unit", "Unit", false)
                        .mandatory("price", "unit"))
                .build();
    }

    static IntegrationObject inboundProduct() {
        return IntegrationObject.builder("InboundProduct")
                .item("Product", i -> i.root()
                        .attribute("name").attribute("sapBlockedDate").attribute("sapBaseUnitConversion")
                        .attribute("code", a -> a.unique())
                        .attribute("sapEAN").attribute("sapBlocked")
                        .attribute("catalogVersion", a -> a.item("CatalogVersion").unique())
                        .attribute("unit", a -> a.item("Unit"))
                        .attribute("pricerow", a -> a.item("PriceRow").autoCreate(true).partOf(true))
                        .attribute("supercategories", a -> a.item("Category").autoCreate(true)))
                .item("CatalogVersion", i -> i.attribute("active").attribute("version", a -> a.unique())
                        .attribute("catalog", a -> a.item("Catalog").unique()))
                .item("Catalog", i -> i.attribute("id", a -> a.unique()))
                .item("Category", i -> i.attribute("code", a -> a.unique())
                        .attribute("catalogVersion", a -> a.item("CatalogVersion").unique()))
                .item("Unit", i -> i.attribute("unitType").attribute("code", a -> a.unique()).attribute("name"))
                .item("PriceRow", i -> i.attribute("price", a -> a.unique()).attribute("unit", a -> a.item("Unit")))
                .build();
    }

    /** Types of SAP's InboundB2BCustomer subset: an enum ({@code gender}), mandatory and optional key attributes. */
    static MapTypeSystem b2bTypes() {
        return MapTypeSystem.builder()
                .type("B2BCustomer", t -> t.attribute("customerID", ValueKind.STRING).attribute("email", ValueKind.STRING)
                        .attribute("name", ValueKind.STRING).attribute("uid", ValueKind.STRING)
                        .attribute("loginDisabled", ValueKind.BOOLEAN).reference("defaultB2BUnit", "B2BUnit", false)
                        .reference("addresses", "Address", true).mandatory("email", "uid"))
                .type("Address", t -> t.attribute("dateOfBirth", ValueKind.DATE).attribute("firstname", ValueKind.STRING)
                        .attribute("publicKey", ValueKind.STRING).attribute("gender", ValueKind.ENUM))
                .type("B2BUnit", t -> t.attribute("uid", ValueKind.STRING).mandatory("uid"))
                .build();
    }

    static IntegrationObject inboundB2BCustomer() {
        return IntegrationObject.builder("InboundB2BCustomer")
                .item("B2BUnit", i -> i.attribute("uid", a -> a.unique()))
                .item("Address", i -> i.attribute("dateOfBirth").attribute("firstname").attribute("publicKey", a -> a.unique())
                        .attribute("gender"))
                .item("B2BCustomer", i -> i.root().attribute("customerID", a -> a.unique()).attribute("email").attribute("name")
                        .attribute("uid", a -> a.unique()).attribute("loginDisabled")
                        .attribute("defaultB2BUnit", a -> a.item("B2BUnit"))
                        .attribute("addresses", a -> a.item("Address").autoCreate(true).partOf(true)))
                .build();
    }

    static InboundSecurity security() {
        return InboundSecurity.builder()
                .user(ADMIN, PASSWORD, InboundSecurity.ADMIN_GROUP)
                .user("viewer", "pw", InboundSecurity.VIEW_GROUP)
                .user("creator", "pw", InboundSecurity.CREATE_GROUP)
                .user("nobody", "pw")
                .build();
    }
}
