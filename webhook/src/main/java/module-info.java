/**
 * ioflow webhook: change detection, outbound sync and reliable delivery.
 */
@SuppressWarnings("module") // the qualified export names ioflow-odata, which is built after this module
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
    // The JDBC machinery (store, schema scripts, group commit, monitoring tables) serves the inbound monitoring
    // store of ioflow-odata too.
    exports dev.ioflow.webhook.internal.jdbc to dev.ioflow.odata;
}
