/**
 * ioflow examples: runnable programs, first of all the Customer to Emarsys scenario, and the inbound scenario
 * (customers POSTed to an OData service and forwarded to Emarsys).
 */
module dev.ioflow.examples {
    requires transitive dev.ioflow.emarsys;
    requires dev.ioflow.testing;
    requires dev.ioflow.odata;
    // The inbound example plays the integration platform with the JDK's HTTP client.
    requires java.net.http;

    exports dev.ioflow.examples;
}
