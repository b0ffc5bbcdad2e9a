package dev.ioflow.examples.boot;

/**
 * A shop customer, the item type of the {@code ioCustomer} integration object.
 *
 * @param customerID   the shop's customer id (the integration key)
 * @param contactEmail the e-mail address
 * @param firstName    the first name
 * @param lastName     the last name
 */
public record Customer(String customerID, String contactEmail, String firstName, String lastName) {
}
