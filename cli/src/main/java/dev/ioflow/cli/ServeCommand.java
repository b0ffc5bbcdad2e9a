package dev.ioflow.cli;

import dev.ioflow.core.DefinitionException;
import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.MapTypeSystem;
import dev.ioflow.odata.InboundSecurity;
import dev.ioflow.odata.InboundServer;
import dev.ioflow.odata.InboundService;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ioflow serve}: every integration object of the definition files as an SAP-compatible OData V2 service over
 * an in-memory store on 127.0.0.1, to test an iFlow or a client without a Commerce system.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve every integration object of the definition files as an OData V2 service",
                "(/odata2webservices/<IO>/) over an in-memory store on 127.0.0.1, until interrupted (Ctrl+C)."},
        footer = {"", "Exit codes: 0 stopped, 1 invalid definition or option, 2 a file cannot be read or the port is taken."})
final class ServeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Definition files (JSON or ImpEx).")
    private List<Path> files;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "N", description = "Port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--user", paramLabel = "NAME:PASSWORD",
            description = "The Basic-authentication user (in integrationadmingroup). Without it, 'admin' with a random password is printed.")
    private String user;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<IntegrationObject> ios = new ArrayList<>();
        for (Path file : files) {
            try {
                ios.addAll(new DefinitionFileReader().read(file));
            } catch (DefinitionException e) {
                new ProblemPrinter(err).print(file, e.problems());
                return ExitCodes.INVALID;
            }
        }
        String name = "admin";
        byte[] random = new byte[8];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        if (user != null) {
            int colon = user.indexOf(':');
            if (colon <= 0 || colon == user.length() - 1) {
                err.println("--user must be NAME:PASSWORD, was '" + user + "'");
                return ExitCodes.INVALID;
            }
            name = user.substring(0, colon);
            password = user.substring(colon + 1);
        }
        MapTypeSystem types = MapTypeSystem.derivedFrom(ios.toArray(IntegrationObject[]::new));
        InboundService.Builder builder = InboundService.builder()
                .security(InboundSecurity.builder().user(name, password, InboundSecurity.ADMIN_GROUP).build());
        ios.forEach(io -> builder.integrationObject(io, types));
        InboundService service;
        try {
            service = builder.build();
        } catch (DefinitionException e) {
            new ProblemPrinter(err).print(files.get(0), e.problems());
            return ExitCodes.INVALID;
        }
        InboundServer server;
        try {
            server = InboundServer.builder(service).port(port).tcpNoDelay(true).start(); // its own JVM: low latency
        } catch (UncheckedIOException e) {
            err.println("cannot listen on 127.0.0.1:" + port + ": " + e.getCause().getMessage());
            return ExitCodes.UNREADABLE;
        }
        try (server) {
            for (IntegrationObject io : ios) {
                out.println(server.url(io.code()));
            }
            out.println("user: " + name + (user == null ? " password: " + password : ""));
            out.flush();
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCodes.OK;
    }
}
