package dev.ioflow.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the tool in-process and captures what it printed. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = IoflowCli.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(exit, out.toString(), err.toString());
    }
}
