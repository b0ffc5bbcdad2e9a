package dev.ioflow.destinations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A secret value (password, token, client secret, API key) that never shows itself: {@link #toString()}
 * is {@code ****}, so records and exceptions that hold a {@code Secret} cannot leak it by accident.
 * Only {@link #reveal()} gives the value, and only code that puts it on the wire calls it.
 *
 * <pre>{@code
 * Secret password = Secret.of(System.getenv("PASSWORD"));
 * String shown = "password=" + password;   // "password=****"
 * }</pre>
 *
 * @since 0.1
 */
public final class Secret {
    private static final String MASK = "****";

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * Wraps a secret value.
     *
     * @param value the secret, not null
     * @return the wrapped secret
     */
    public static Secret of(String value) {
        return new Secret(Objects.requireNonNull(value, "secret value"));
    }

    /**
     * The secret itself. Call it only where the value goes onto the wire.
     *
     * @return the clear-text value
     */
    public String reveal() {
        return value;
    }

    /**
     * Whether the secret is empty or only whitespace.
     *
     * @return true when blank
     */
    public boolean isBlank() {
        return value.isBlank();
    }

    /** Compares in constant time, so that comparisons reveal nothing through timing. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Secret that
                && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), that.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Always {@code ****}. */
    @Override
    public String toString() {
        return MASK;
    }
}
