package dev.ioflow.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** The definitions under {@code src/test/resources/definitions}, and the same definitions built in code. */
final class DefinitionFixtures {
    static final String IMPEX_IO_HEADER = "INSERT_UPDATE IntegrationObject; code[unique=true]; integrationType(code)\n";
    static final String IMPEX_ITEM_HEADER = "INSERT_UPDATE IntegrationObjectItem; integrationObject(code)[unique=true]; "
            + "code[unique=true]; type(code); root[default=false]\n";
    static final String IMPEX_ATTRIBUTE_HEADER = "INSERT_UPDATE IntegrationObjectItemAttribute; "
            + "integrationObjectItem(integrationObject(code),code)[unique=true]; attributeName[unique=true]; "
            + "attributeDescriptor(enclosingType(code),qualifier); unique[default=false]\n";

    private DefinitionFixtures() {
    }

    static Path file(String name) {
        try {
            return Path.of(Objects.requireNonNull(DefinitionFixtures.class.getResource("/definitions/" + name), name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(String name) {
        try {
            return Files.readString(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static IntegrationObject ioCustomer() {
        return IntegrationObject.builder("ioCustomer")
                .item("Customer", item -> item.root()
                        .attribute("customerID", a -> a.unique())
                        .attribute("contactEmail"))
                .build();
    }

    static IntegrationObject ioProduct() {
        return IntegrationObject.builder("ioProduct")
                .item("Product", item -> item.root()
                        .attribute("code", a -> a.unique())
                        .attribute("catalogVersion", a -> a.unique().item("CatalogVersion"))
                        .attribute("name")
                        .attribute("approvalStatus"))
                .item("CatalogVersion", item -> item
                        .attribute("version", a -> a.unique())
                        .attribute("catalog", a -> a.unique().item("Catalog")))
                .item("Catalog", item -> item.attribute("id", a -> a.unique()))
                .build();
    }

    /** A definition that sets every property to a value other than its default. */
    static IntegrationObject everything() {
        return IntegrationObject.builder("ioEverything")
                .integrationType(IntegrationType.OUTBOUND)
                .item("Customer", item -> item.root().type("B2BCustomer").itemTypeMatch(ItemTypeMatch.RESTRICT_TO_ITEM_TYPE)
                        .attribute("customerID", a -> a.source("uid").unique())
                        .attribute("defaultAddress", a -> a.source("defaultPaymentAddress").item("Address")
                                .autoCreate(true).partOf(true))
                        .virtualAttribute("fullName", "model://fullName")
                        .attribute("noSource", a -> a.source(null)))
                .item("Address", item -> item.itemTypeMatch(ItemTypeMatch.ALL_SUBTYPES)
                        .attribute("line1", a -> a.unique())
                        .attribute("quoted \"name\"", a -> a.source("ünïcode/line")))
                .build();
    }
}
