/**
 * ioflow destinations: consumed destinations, credentials and the OkHttp-based sender.
 *
 * <p>Requires {@code dev.ioflow.core} for the exception root: every exception thrown here is an
 * {@link dev.ioflow.core.IoflowException}.
 */
module dev.ioflow.destinations {
    requires transitive dev.ioflow.core;
    requires static transitive org.jspecify;
    requires transitive okhttp3;
    requires transitive com.fasterxml.jackson.databind;
    requires jakarta.validation;
    requires org.hibernate.validator;
    requires java.logging; // quiets Hibernate Validator's version banner (HibernateValidatorBanner)
    requires org.slf4j;

    exports dev.ioflow.destinations;

    // The destination-file records are bound by Jackson and validated by Hibernate Validator reflectively.
    // Opened to all (not exported): Hibernate Validator may sit on the class path, where a qualified
    // 'opens ... to org.hibernate.validator' could not reach it.
    opens dev.ioflow.destinations.internal.config;
}
