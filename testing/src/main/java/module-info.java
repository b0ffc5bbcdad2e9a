/**
 * ioflow test kit: an Emarsys stand-in, a recording delivery target and payload assertions, for the tests of
 * projects that use ioflow.
 */
module dev.ioflow.testing {
    requires transitive dev.ioflow.core;
    requires transitive dev.ioflow.webhook;
    requires dev.ioflow.emarsys;
    requires transitive dev.ioflow.odata;
    requires transitive mockwebserver3;
    requires transitive org.assertj.core;
    requires transitive org.junit.jupiter.api;

    exports dev.ioflow.testing;
    exports dev.ioflow.testing.outbox;
    exports dev.ioflow.testing.monitoring;
}
