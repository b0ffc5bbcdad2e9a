package dev.ioflow.examples;

/**
 * A storefront's customer, as the application keeps it: the item type of the {@code ioCustomer} integration
 * object ({@code customerID} is its key).
 *
 * @param customerID   the shop's customer number, e.g. {@code c1}
 * @param contactEmail the e-mail address
 * @param firstName    the first name
 * @param lastName     the last name
 * @since 0.1
 */
public record Customer(String customerID, String contactEmail, String firstName, String lastName) {

    /** A copy with another e-mail address. */
    public Customer withContactEmail(String email) {
        return new Customer(customerID, email, firstName, lastName);
    }
}
