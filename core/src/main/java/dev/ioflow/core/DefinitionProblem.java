package dev.ioflow.core;

import java.util.Objects;

/**
 * One problem found in a definition, with where it is: a definition path such as
 * {@code ioCustomer/items/Customer/attributes/contactEmail}, a JSON path, or an ImpEx line.
 *
 * @param path    where the problem is
 * @param message what is wrong, naming the offending value
 * @since 0.1
 */
public record DefinitionProblem(String path, String message) {

    /** Both parts are required. */
    public DefinitionProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
