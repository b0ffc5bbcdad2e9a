package dev.ioflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import dev.ioflow.testing.EmarsysStandIn;
import dev.ioflow.testing.StandInRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomerToEmarsysTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return CustomerToEmarsys.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutConfigurationRunsAgainstTheEmbeddedStandInAndExitsZero() {
        int exit = run(Map.of());

        assertThat(exit).isZero();
        assertThat(out()).contains("against embedded Emarsys stand-in")
                .contains("Result: all changes delivered (7).")
                .contains("c3.new@example.com")
                .contains("c5: no such contact")
                .contains("POST /api/v3/contact/delete")
                .contains("OAuth 2.0 bearer token, 1 token request(s)")
                .doesNotContain("WSSE-checked");
        assertThat(err()).isEmpty();
    }

    @Test
    void withWsseTheEmbeddedStandInChecksWsseHeadersOnApiV2() {
        int exit = run(Map.of(), "--wsse");

        assertThat(exit).isZero();
        assertThat(out()).contains("Result: all changes delivered (7).")
                .contains("POST /api/v2/contact/delete")
                .contains("each one WSSE-checked");
        assertThat(err()).isEmpty();
    }

    @Test
    void wsseWithARealAccountConfigurationExitsTwo() {
        int exit = run(Map.of("EMARSYS_API_URL", "https://api.emarsys.net/api/v3/", "EMARSYS_CLIENT_ID", "client",
                "EMARSYS_CLIENT_SECRET", "secret"), "--wsse");

        assertThat(exit).isEqualTo(2);
        assertThat(err()).startsWith("Configuration error: --wsse applies to the embedded stand-in only");
    }

    @Test
    void aHalfSetConfigurationExitsTwoWithAClearMessageBeforeAnyCall() {
        int exit = run(Map.of("EMARSYS_API_URL", "https://api.emarsys.net/api/v3/", "EMARSYS_CLIENT_ID", "client"));

        assertThat(exit).isEqualTo(2);
        assertThat(out()).isEmpty();
        assertThat(err()).startsWith("Configuration error: EMARSYS_CLIENT_SECRET is not set; OAuth 2.0 needs both "
                + "EMARSYS_CLIENT_ID and EMARSYS_CLIENT_SECRET");
    }

    @Test
    void aWrongCustomerIdFieldExitsTwo() {
        int exit = run(Map.of("EMARSYS_CUSTOMER_ID_FIELD", "-1"));

        assertThat(exit).isEqualTo(2);
        assertThat(err()).contains("EMARSYS_CUSTOMER_ID_FIELD must be a positive field id, got '-1'");
    }

    @Test
    void helpListsTheEnvironmentVariablesAndExitsZero() {
        int exit = run(Map.of(), "--help");

        assertThat(exit).isZero();
        assertThat(out()).contains("EMARSYS_API_URL").contains("EMARSYS_CLIENT_SECRET").contains("EMARSYS_USERNAME")
                .contains("EMARSYS_CUSTOMER_ID_FIELD");
    }

    @Test
    void anUnknownArgumentExitsTwoWithTheUsage() {
        int exit = run(Map.of(), "--fast");

        assertThat(exit).isEqualTo(2);
        assertThat(err()).startsWith("Unknown argument: --fast").contains("Usage:");
    }

    @Test
    void theEnvironmentSwitchesToAnAccountWithOAuth() {
        try (EmarsysStandIn account = EmarsysStandIn.builder().oauth("client", "s3cret")
                .customField(4711, "Customer number").build().start()) {
            int exit = run(Map.of("EMARSYS_API_URL", account.apiBaseUrl(3), "EMARSYS_TOKEN_URL", account.tokenUrl(),
                    "EMARSYS_CLIENT_ID", "client", "EMARSYS_CLIENT_SECRET", "s3cret", "EMARSYS_CUSTOMER_ID_FIELD", "4711"));

            assertThat(exit).isZero();
            assertThat(out()).contains("with OAuth 2.0 client client").doesNotContain("s3cret");
            assertThat(account.contact(4711, "c3")).containsEntry("3", "c3.new@example.com");
            assertThat(account.tokenRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void credentialsTheAccountRefusesExitTwoBeforeAnyChangeIsSent() {
        try (EmarsysStandIn account = EmarsysStandIn.builder().wsse("customer001", "right")
                .customField(12345, "Customer ID").build().start()) {
            int exit = run(Map.of("EMARSYS_API_URL", account.apiBaseUrl(2),
                    "EMARSYS_USERNAME", "customer001", "EMARSYS_SECRET", "wrong"));

            assertThat(exit).isEqualTo(2);
            assertThat(err()).startsWith("Configuration error: Emarsys refused the credentials");
            assertThat(account.requests()).extracting(StandInRequest::endpoint).containsExactly("field");
        }
    }
}
