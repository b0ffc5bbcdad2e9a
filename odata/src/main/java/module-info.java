/**
 * ioflow odata: inbound OData V2 services over integration objects, through Apache Olingo V2.
 */
module dev.ioflow.odata {
    requires transitive dev.ioflow.core;
    requires static jakarta.servlet;
    requires static dev.ioflow.webhook;
    // JdbcInboundRequestStore is built from a DataSource.
    requires transitive java.sql;
    requires transitive jdk.httpserver;
    requires olingo.odata2.api;
    requires olingo.odata2.core;
    requires org.slf4j;

    exports dev.ioflow.odata;
    exports dev.ioflow.odata.jdbc;
}
