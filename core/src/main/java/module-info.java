/**
 * ioflow core: the integration-object metamodel, definitions, validation and payload rendering.
 */
module dev.ioflow.core {
    requires transitive com.fasterxml.jackson.databind;
    requires transitive com.fasterxml.jackson.core;
    requires jakarta.validation;
    requires org.slf4j;

    exports dev.ioflow.core;
}
