/**
 * ioflow examples: runnable programs, first of all the Customer to Emarsys scenario.
 */
module dev.ioflow.examples {
    requires transitive dev.ioflow.emarsys;
    requires dev.ioflow.testing;

    exports dev.ioflow.examples;
}
