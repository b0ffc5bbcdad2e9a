package dev.ioflow.spring;

/** The test item type: a customer keyed by its id. */
public record Customer(String customerID, String contactEmail) {
}
