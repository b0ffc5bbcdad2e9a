package dev.ioflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioflow.testing.EmarsysStandIn;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The inbound example: customers POSTed to the OData service, single and in a $batch, arrive in Emarsys. */
class InboundScenarioTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return CustomerToEmarsys.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void postedCustomersAreStoredAndForwardedToEmarsys() {
        try (EmarsysStandIn account = EmarsysStandIn.builder().oauth("client", "s3cret")
                .customField(4711, "Customer number").build().start()) {
            int exit = run(Map.of("EMARSYS_API_URL", account.apiBaseUrl(3), "EMARSYS_TOKEN_URL", account.tokenUrl(),
                    "EMARSYS_CLIENT_ID", "client", "EMARSYS_CLIENT_SECRET", "s3cret", "EMARSYS_CUSTOMER_ID_FIELD", "4711"),
                    "inbound");

            assertThat(exit).as(out()).isZero();
            assertThat(account.contact(4711, "c1")).containsEntry("3", "c1@example.com").containsEntry("1", "First1");
            assertThat(account.contact(4711, "c2")).containsEntry("3", "c2@example.com");
            assertThat(account.contact(4711, "c3")).containsEntry("3", "c3.new@example.com");
            assertThat(account.contact(4711, "c4")).containsEntry("2", "Last4");
            assertThat(account.contact(4711, "c5")).as("deleted through the service").isEmpty();
            assertThat(account.contacts()).hasSize(4);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void printsEachCallTheStoreAndWhatWasSent() {
        int exit = run(Map.of(), "inbound");

        assertThat(exit).isZero();
        assertThat(out()).contains("integration platform -> OData inbound -> Customer -> Emarsys, against embedded Emarsys stand-in")
                .containsPattern("Serve http://127\\.0\\.0\\.1:\\d+/odata2webservices/InboundCustomer/")
                .contains("- POST Customers: c1: HTTP 201; 1 change queued")
                .contains("- POST $batch, one change set: c2, c3, c4, c5 (answers [201, 201, 201, 201]): HTTP 202; 4 changes queued")
                .contains("- POST Customers: c2 again, unchanged (an iFlow retry): HTTP 201; 0 changes queued")
                .contains("- DELETE Customers('c5'): HTTP 200; 1 change queued")
                .contains("__count: 4")
                .containsPattern("c3 +c3 +c3\\.new@example\\.com")
                .contains("Result: all changes delivered (7).")
                .contains("c5: no such contact");
    }

    @Test
    void aRepeatedArgumentExitsTwo() {
        assertThat(run(Map.of(), "inbound", "inbound")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Repeated argument: inbound");
    }
}
