package dev.ioflow.examples;

import dev.ioflow.emarsys.EmarsysException;
import dev.ioflow.testing.EmarsysStandIn;
import dev.ioflow.testing.StandInRequest;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The README's main example: {@code java -jar examples/target/ioflow-examples.jar}. Runs the
 * {@link CustomerScenario} (customers of a storefront become Emarsys contacts), or with the argument
 * {@code inbound} the {@link InboundScenario} (customers POSTed by an integration platform to an OData service, stored
 * and forwarded), and prints what was sent, the monitoring records and the contacts afterwards.
 *
 * <p>With no {@code EMARSYS_*} variable set it runs offline against an in-process Emarsys stand-in that issues OAuth
 * 2.0 access tokens and checks the bearer token like the real service ({@code --wsse}: WSSE instead, which Emarsys
 * retires on 2026-12-31). {@link EmarsysSettings} lists the variables that switch it to a real account.
 * Exit codes: 0 every change delivered, 1 not, 2 wrong configuration or arguments (found before any change is
 * sent: from the variables, or by the account check that Emarsys accepts the credentials and has the field).
 *
 * @since 0.1
 */
public final class CustomerToEmarsys {
    /** How long each step of the scenario may take to deliver, retries through rate limits included. */
    static final Duration STEP_TIMEOUT = Duration.ofMinutes(3);
    private static final String STAND_IN_USER = "ioflow-example";
    private static final String STAND_IN_SECRET = "stand-in-secret";
    private static final String WSSE_ARGUMENT = "--wsse";
    private static final String INBOUND_ARGUMENT = "inbound";

    private CustomerToEmarsys() {
    }

    /** Runs the example and exits with its exit code. */
    public static void main(String[] args) {
        if (System.getProperty("org.jboss.logging.provider") == null) {
            // Hibernate Validator logs through jboss-logging: route it to SLF4J (warnings only, see simplelogger.properties).
            System.setProperty("org.jboss.logging.provider", "slf4j");
        }
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /**
     * Runs the example with these arguments and environment variables.
     *
     * @return the exit code: 0 all delivered, 1 not, 2 wrong configuration or arguments
     */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        List<String> arguments = List.of(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            out.print(usage());
            return 0;
        }
        boolean inbound = arguments.contains(INBOUND_ARGUMENT);
        boolean wsse = arguments.contains(WSSE_ARGUMENT);
        for (String argument : arguments) {
            boolean known = argument.equals(INBOUND_ARGUMENT) || argument.equals(WSSE_ARGUMENT);
            if (!known || Collections.frequency(arguments, argument) > 1) {
                err.println((known ? "Repeated argument: " : "Unknown argument: ") + argument);
                err.print(usage());
                return 2;
            }
        }
        EmarsysSettings settings;
        try {
            settings = EmarsysSettings.fromEnvironment(env);
        } catch (EmarsysSettingsException e) {
            err.println("Configuration error: " + e.getMessage());
            err.println("Run with --help for the variables; unset all EMARSYS_* variables to use the embedded stand-in.");
            return 2;
        }
        out.println("ioflow example: " + (inbound ? "integration platform -> OData inbound -> Customer -> Emarsys"
                : "Customer -> Emarsys") + ", against " + settings.describe());
        try {
            if (settings.mode() != EmarsysSettings.Mode.EMBEDDED) {
                if (wsse) {
                    err.println("Configuration error: " + WSSE_ARGUMENT + " applies to the embedded stand-in only; "
                            + "a real account authenticates with the EMARSYS_* variables");
                    return 2;
                }
                return runScenario(settings, inbound, out);
            }
            try (EmarsysStandIn standIn = standIn(wsse, settings.customerIdField())) {
                int exit = runScenario(wsse
                        ? EmarsysSettings.wsse(standIn.apiBaseUrl(2), STAND_IN_USER, STAND_IN_SECRET, settings.customerIdField())
                        : EmarsysSettings.oauth(standIn.apiBaseUrl(3), standIn.tokenUrl(), STAND_IN_USER, STAND_IN_SECRET,
                                settings.customerIdField()), inbound, out);
                printStandInRequests(standIn, wsse, out);
                return exit;
            }
        } catch (EmarsysSettingsException e) {
            err.println("Configuration error: " + e.getMessage());
            return 2;
        } catch (EmarsysException e) {
            err.println("Emarsys could not be reached: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("Interrupted while waiting for deliveries.");
            return 1;
        }
    }

    private static int runScenario(EmarsysSettings settings, boolean inbound, PrintStream out) throws InterruptedException {
        ScenarioResult result = inbound ? new InboundScenario(settings, out, STEP_TIMEOUT).run()
                : new CustomerScenario(settings, out, STEP_TIMEOUT).run();
        new ScenarioReport(out).print(result);
        return result.allDelivered() ? 0 : 1;
    }

    /** The embedded stand-in: OAuth 2.0 (token endpoint and bearer tokens) by default, WSSE on request. */
    private static EmarsysStandIn standIn(boolean wsse, int customerIdField) {
        EmarsysStandIn.Builder standIn = EmarsysStandIn.builder().customField(customerIdField, "Customer ID");
        if (wsse) {
            standIn.wsse(STAND_IN_USER, STAND_IN_SECRET);
        } else {
            standIn.oauth(STAND_IN_USER, STAND_IN_SECRET);
        }
        return standIn.build().start();
    }

    private static void printStandInRequests(EmarsysStandIn standIn, boolean wsse, PrintStream out) {
        out.println();
        out.println("HTTP requests the embedded stand-in received (each one " + (wsse ? "WSSE-checked" : "with a checked "
                + "OAuth 2.0 bearer token, " + standIn.tokenRequestCount() + " token request(s) not listed")
                + "; none for the unchanged save):");
        TextTable table = TextTable.withColumns("#", "Request", "Auth", "HTTP", "Body");
        int n = 0;
        for (StandInRequest request : standIn.requests()) {
            table.row(++n, request.method() + " " + request.path(), request.authScheme(), request.status(), request.body());
        }
        out.print(table.render());
    }

    static String usage() {
        return """
                Usage: java -jar examples/target/ioflow-examples.jar [--help | inbound] [--wsse]

                Registers customers c1..c5 as a storefront would, saves c2 again unchanged, changes c3's e-mail and
                deletes c5; an ioCustomer webhook sends each change to Emarsys as a contact. Prints what was sent,
                the monitoring records and the contacts afterwards. Exit code 0 when every change was delivered.

                inbound: the same changes arrive from an integration platform instead, as SAP Cloud Integration
                sends them (JSON, Basic authentication) to an InboundCustomer OData V2 service on a free loopback
                port: c1 in a POST, c2..c5 in one $batch change set, c2 again, c3's new e-mail, DELETE of c5. The
                service stores them and hands each change to the same webhook; GETs with $filter show the store.

                Without configuration it runs offline against an embedded Emarsys stand-in that authenticates
                with OAuth 2.0 (--wsse: with WSSE instead, which Emarsys retires at the end of 2026).
                Environment variables for a real account:
                  EMARSYS_API_URL            API base, e.g. https://api.emarsys.net/api/v3/ (OAuth) or .../api/v2/ (WSSE)
                  EMARSYS_CLIENT_ID          OAuth 2.0 client id      } recommended
                  EMARSYS_CLIENT_SECRET      OAuth 2.0 client secret  }
                  EMARSYS_TOKEN_URL          token endpoint (default https://auth.emarsys.net/oauth2/token)
                  EMARSYS_USERNAME           WSSE user name           } or WSSE (API v2,
                  EMARSYS_SECRET             WSSE secret              }  retired end of 2026)
                  EMARSYS_CUSTOMER_ID_FIELD  id of the custom field that holds customerID (default 12345);
                                             it is the contacts' key field, so it must be indexed in the account
                """;
    }
}
