package dev.ioflow.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code ioflow} command-line tool: what SAP's Integration UI Tool offers, for files and pipelines.
 *
 * <pre>
 * java -jar cli/target/ioflow.jar validate definitions/ioCustomer.json definitions/ioProduct.impex
 * java -jar cli/target/ioflow.jar render --definition ioCustomer.json --io ioCustomer --item c1.json --hash
 * java -jar cli/target/ioflow.jar convert ioCustomer.impex --to json
 * java -jar cli/target/ioflow.jar validate genericproduct.impex electronicsproduct.impex --items myext-items.xml
 * </pre>
 *
 * Definitions are checked (and rendered) against SAP Commerce's platform types from ioflow's built-in catalog, the
 * project's {@code items.xml} files given with {@code --items}, and what the definitions declare that neither knows;
 * ImpEx files given together are read as one set, in order, as SAP imports them.
 *
 * Exit codes: 0 when everything is valid, 1 when a definition or item is invalid (every problem is printed
 * with its path or {@code file:line:column}), 2 when an input cannot be read or the command line is wrong.
 *
 * @since 0.1
 */
@Command(name = "ioflow", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        subcommands = {ValidateCommand.class, RenderCommand.class, ConvertCommand.class, ServeCommand.class, CommandLine.HelpCommand.class},
        description = "Validate, render and convert ioflow integration-object definitions (JSON or SAP ImpEx).",
        footer = {"", "Exit codes: 0 valid, 1 invalid definition or item, 2 unreadable input or wrong usage."})
public final class IoflowCli implements Runnable {
    @Spec
    private CommandSpec spec;

    /** picocli creates the command. */
    IoflowCli() {
    }

    /** Runs the tool and exits the JVM with its exit code. */
    public static void main(String[] args) {
        if (System.getProperty("org.jboss.logging.provider") == null) {
            // Hibernate Validator logs through jboss-logging: route it to SLF4J (warnings only, see simplelogger.properties).
            System.setProperty("org.jboss.logging.provider", "slf4j");
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(execute(out, err, args));
    }

    /**
     * Runs the tool in-process, writing to the given streams (flushed before returning).
     *
     * <pre>{@code
     * StringWriter out = new StringWriter();
     * int exit = IoflowCli.execute(new PrintWriter(out), new PrintWriter(System.err), "validate", "ioCustomer.json");
     * }</pre>
     *
     * @return the exit code: 0 valid, 1 invalid, 2 unreadable input or wrong usage
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new IoflowCli())
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(IoflowCli::handle);
        try {
            return commandLine.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static int handle(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) throws Exception {
        if (e instanceof UnreadableInputException) {
            commandLine.getErr().println(e.getMessage());
            return ExitCodes.UNREADABLE;
        }
        throw e;
    }

    /** Without a command: print the usage and fail as a usage error. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: validate, render or convert");
    }
}
