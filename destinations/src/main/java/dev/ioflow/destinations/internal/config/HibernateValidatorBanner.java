package dev.ioflow.destinations.internal.config;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps Hibernate Validator's version banner ({@code HV000001: Hibernate Validator 9...}, INFO, once per class
 * loader) out of the application's log: a library must not log on its user's first call. Hibernate Validator logs
 * through JBoss Logging, which writes to {@code java.util.logging} unless the application uses Log4j 2 or Logback;
 * there the banner's logger is set to WARNING, unless the application already set its level. With Log4j 2 or
 * Logback, the application's own configuration decides.
 */
final class HibernateValidatorBanner {
    /** Held strongly: {@code java.util.logging} keeps loggers weakly and would forget the level. */
    private static final Logger BANNER = Logger.getLogger("org.hibernate.validator.internal.util.Version");

    private HibernateValidatorBanner() {
    }

    /** Call before the first Hibernate Validator bootstrap. */
    static synchronized void quiet() {
        if (BANNER.getLevel() == null) {
            BANNER.setLevel(Level.WARNING);
        }
    }
}
