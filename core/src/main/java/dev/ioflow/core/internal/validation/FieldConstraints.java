package dev.ioflow.core.internal.validation;

/**
 * Constants of the Jakarta Validation annotations on the definition records ({@code IntegrationObject},
 * {@code IntegrationObjectItem}, {@code IntegrationObjectAttribute}). Messages are plain text (no EL) and
 * read after the offending property's name: {@code code must not be blank}.
 */
public final class FieldConstraints {
    /**
     * Codes and payload names must not contain {@code |} (it joins integration-key values) nor {@code /}
     * (it separates the segments of a definition path).
     */
    public static final String NO_SEPARATORS = "[^|/]*";
    /** Message of {@link #NO_SEPARATORS}. */
    public static final String NO_SEPARATORS_MESSAGE = "must not contain '|' or '/'";
    /** Message of {@code @NotBlank}. */
    public static final String NOT_BLANK_MESSAGE = "must not be blank";
    /** Message of {@code @NotEmpty} on an integration object's items. */
    public static final String NO_ITEMS_MESSAGE = "must list at least one item";

    private FieldConstraints() {
    }
}
