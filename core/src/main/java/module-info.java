/**
 * ioflow core: the integration-object metamodel, definitions, validation and payload rendering.
 */
module dev.ioflow.core {
    // Nullness annotations on the API; needed to compile against it, not to run it.
    requires static transitive org.jspecify;
    requires transitive com.fasterxml.jackson.databind;
    requires transitive com.fasterxml.jackson.core;
    // The definition records carry Jakarta Validation constraints, which are part of their API.
    requires transitive jakarta.validation;
    requires org.hibernate.validator;
    requires java.logging; // quiets Hibernate Validator's version banner (HibernateValidatorBanner)
    requires org.slf4j;
    // items.xml files are read with the JDK's SAX parser.
    requires java.xml;

    exports dev.ioflow.core;
    exports dev.ioflow.core.persistence;
    exports dev.ioflow.core.persistence.memory;
    exports dev.ioflow.core.monitoring;
    exports dev.ioflow.core.monitoring.memory;
    // Hibernate Validator reads the constrained components of the definition records reflectively.
    opens dev.ioflow.core to org.hibernate.validator;
}
