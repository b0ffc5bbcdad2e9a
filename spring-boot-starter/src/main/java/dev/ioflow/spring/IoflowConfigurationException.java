package dev.ioflow.spring;

import dev.ioflow.core.IoflowException;
import java.util.Objects;

/**
 * A bad ioflow setting found when the application starts; the message names the property
 * (e.g. {@code ioflow.webhooks.crm.destination}) and says what is wrong, never a secret's value.
 *
 * @since 1.0
 */
public class IoflowConfigurationException extends IoflowException {
    private static final long serialVersionUID = 1L;
    private final String property;

    /**
     * A bad setting.
     *
     * @param property the full property name
     * @param problem  what is wrong with it
     */
    public IoflowConfigurationException(String property, String problem) {
        super(Objects.requireNonNull(property, "property") + ": " + Objects.requireNonNull(problem, "problem"));
        this.property = property;
    }

    /**
     * A bad setting found by a failure underneath.
     *
     * @param property the full property name
     * @param problem  what is wrong with it
     * @param cause    the failure
     */
    public IoflowConfigurationException(String property, String problem, Throwable cause) {
        super(Objects.requireNonNull(property, "property") + ": " + Objects.requireNonNull(problem, "problem"),
                cause);
        this.property = property;
    }

    /** The full name of the bad property. */
    public String property() {
        return property;
    }
}
