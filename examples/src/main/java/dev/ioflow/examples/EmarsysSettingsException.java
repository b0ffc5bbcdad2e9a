package dev.ioflow.examples;

/**
 * The {@code EMARSYS_*} environment variables are wrong or only half set. The message names the variables and
 * says what to set; it never shows a secret. The program exits with code 2 before any call.
 *
 * @since 0.1
 */
public final class EmarsysSettingsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** For a configuration problem described by {@code message}. */
    public EmarsysSettingsException(String message) {
        super(message);
    }
}
