/**
 * ioflow destinations: consumed destinations, credentials and the OkHttp-based sender.
 */
module dev.ioflow.destinations {
    requires transitive okhttp3;
    requires transitive com.fasterxml.jackson.databind;
    requires jakarta.validation;
    requires org.slf4j;

    exports dev.ioflow.destinations;
}
