package dev.ioflow.emarsys;

import org.jspecify.annotations.Nullable;

/**
 * One contact field of the Emarsys account, from {@code GET field}.
 *
 * @param id              the field id used as JSON key in contact calls (3 is email)
 * @param name            the display name, e.g. {@code Customer ID}
 * @param applicationType the type, e.g. {@code shorttext}, {@code date}, {@code singlechoice}
 * @param stringId        the technical name, e.g. {@code email}; null for custom fields without one
 * @since 0.1
 */
public record EmarsysField(int id, String name, @Nullable String applicationType, @Nullable String stringId) {
}
