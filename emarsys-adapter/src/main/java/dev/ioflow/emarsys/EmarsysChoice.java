package dev.ioflow.emarsys;

/**
 * One option of a single- or multiple-choice field, from {@code GET field/{id}/choice}: Emarsys stores choice ids,
 * not texts (gender 1/2, salutation, country ids that are not ISO codes).
 *
 * @param id     the choice id to send as the field's value
 * @param choice the option's text, e.g. {@code Germany}
 * @since 0.1
 */
public record EmarsysChoice(String id, String choice) {
}
