/**
 * ioflow command-line tool: validate, render and convert integration-object definitions; serve them as OData services.
 */
module dev.ioflow.cli {
    requires dev.ioflow.core;
    requires dev.ioflow.odata;
    requires info.picocli;

    exports dev.ioflow.cli;
    // picocli reads the command classes' annotations and sets their fields reflectively.
    opens dev.ioflow.cli to info.picocli;
}
