package dev.ioflow.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Definition and item files the CLI tests write. */
final class Definitions {
    static final String CUSTOMER_JSON = """
            {
              "code": "ioCustomer",
              "items": [
                { "code": "Customer", "root": true, "attributes": [
                    { "name": "customerID", "unique": true },
                    { "name": "contactEmail" },
                    { "name": "defaultAddress", "item": "Address" } ] },
                { "code": "Address", "attributes": [
                    { "name": "town", "unique": true } ] }
              ]
            }
            """;

    /** Two problems: no item is the root, and Address has no unique attribute. */
    static final String INVALID_JSON = """
            {
              "code": "ioBroken",
              "items": [
                { "code": "Customer", "attributes": [ { "name": "customerID", "unique": true } ] },
                { "code": "Address", "attributes": [ { "name": "town" } ] }
              ]
            }
            """;

    /** Syntax error on line 3: a missing comma. */
    static final String MALFORMED_JSON = """
            {
              "code": "ioCustomer"
              "items": []
            }
            """;

    /** The same integration object as {@link #CUSTOMER_JSON}, as SAP Commerce ImpEx. */
    static final String CUSTOMER_IMPEX = """
            $item = integrationObjectItem(integrationObject(code), code)
            INSERT_UPDATE IntegrationObject; code[unique=true]; integrationType(code)
            ; ioCustomer ; INBOUND
            INSERT_UPDATE IntegrationObjectItem; integrationObject(code)[unique=true]; code[unique=true]; type(code); root[default=false]
            ; ioCustomer ; Customer ; Customer ; true
            ; ioCustomer ; Address ; Address ;
            INSERT_UPDATE IntegrationObjectItemAttribute; $item[unique=true]; attributeName[unique=true]; attributeDescriptor(enclosingType(code),qualifier); returnIntegrationObjectItem(integrationObject(code),code); unique[default=false]
            ; ioCustomer:Customer ; customerID     ; Customer:customerID     ;                     ; true
            ; ioCustomer:Customer ; contactEmail   ; Customer:contactEmail   ;                     ;
            ; ioCustomer:Customer ; defaultAddress ; Customer:defaultAddress ; ioCustomer:Address ;
            ; ioCustomer:Address  ; town           ; Address:town            ;                     ; true
            """;

    /** Line 5 declares an item of an integration object the file never defines. */
    static final String BROKEN_IMPEX = """
            INSERT_UPDATE IntegrationObject; code[unique=true]
            ; ioCustomer
            INSERT_UPDATE IntegrationObjectItem; integrationObject(code)[unique=true]; code[unique=true]; root[default=false]
            ; ioCustomer ; Customer ; true
            ; ioOther ; Product ; true
            """;

    private Definitions() {
    }

    static Path write(Path dir, String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
