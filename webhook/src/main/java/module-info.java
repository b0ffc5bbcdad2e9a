/**
 * ioflow webhook: change detection, outbound sync and reliable delivery.
 */
module dev.ioflow.webhook {
    requires transitive dev.ioflow.core;
    requires transitive dev.ioflow.destinations;
    requires transitive java.sql;
    requires org.slf4j;
    requires static olingo.odata2.api;
    requires static olingo.odata2.core;

    exports dev.ioflow.webhook;
    exports dev.ioflow.webhook.spi;
    exports dev.ioflow.webhook.jdbc;
    exports dev.ioflow.webhook.memory;
}
