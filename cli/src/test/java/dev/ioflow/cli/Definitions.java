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
