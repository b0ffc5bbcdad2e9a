package dev.ioflow.examples.boot;

/**
 * The body of {@code POST /customers}.
 *
 * @param customerID   the new customer's id
 * @param contactEmail the e-mail address
 * @param firstName    the first name
 * @param lastName     the last name
 * @param acceptTerms  whether the customer accepted the terms (the database refuses a sign-up without)
 */
public record SignUpRequest(String customerID, String contactEmail, String firstName, String lastName,
                            boolean acceptTerms) {

    /** The customer to register. */
    public Customer customer() {
        return new Customer(customerID, contactEmail, firstName, lastName);
    }
}
