package dev.ioflow.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ioflow.testing.EmarsysStandIn;
import dev.ioflow.testing.StandInRequest;
import dev.ioflow.webhook.OutboundRequest;
import dev.ioflow.webhook.OutboundRequestStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CustomerScenarioTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();
    private EmarsysStandIn standIn;

    @AfterEach
    void stop() {
        standIn.close();
    }

    private ScenarioResult run(EmarsysSettings settings) throws InterruptedException {
        return new CustomerScenario(settings, new PrintStream(progress, true, StandardCharsets.UTF_8), TIMEOUT).run();
    }

    private EmarsysSettings wsseStandIn() {
        standIn = EmarsysStandIn.builder().wsse("user", "secret").customField(12345, "Customer ID").build().start();
        return EmarsysSettings.wsse(standIn.apiBaseUrl(2), "user", "secret", 12345);
    }

    private void assertExpectedContacts() {
        assertThat(standIn.contacts()).hasSize(4);
        assertThat(standIn.contact(12345, "c1")).isEqualTo(Map.of("12345", "c1", "3", "c1@example.com", "1", "First1", "2", "Last1"));
        assertThat(standIn.contact(12345, "c2")).containsEntry("3", "c2@example.com");
        assertThat(standIn.contact(12345, "c3")).containsEntry("3", "c3.new@example.com").containsEntry("1", "First3");
        assertThat(standIn.contact(12345, "c4")).containsEntry("3", "c4@example.com");
        assertThat(standIn.contact(12345, "c5")).isEmpty();
    }

    @Test
    void againstTheWsseStandInEndsWithC1ToC4AndSendsNothingForTheUnchangedSave() throws InterruptedException {
        ScenarioResult result = run(wsseStandIn());

        assertThat(result.allDelivered()).isTrue();
        assertThat(result.unchangedSaveQueue()).isZero();
        assertExpectedContacts();
        List<String> calls = standIn.requests().stream().map(r -> r.method() + " " + r.endpoint()).toList();
        assertThat(calls).hasSize(5);
        assertThat(calls.subList(0, 2)).containsExactly("GET field", "PUT contact");
        assertThat(calls.subList(2, 4)).containsExactlyInAnyOrder("PUT contact", "POST contact/delete");
        assertThat(calls.get(4)).isEqualTo("POST contact/getdata");
        assertThat(standIn.requests()).allMatch(r -> r.authScheme().equals("WSSE") && r.status() == 200);
        assertThat(standIn.requests()).filteredOn(r -> r.endpoint().equals("contact"))
                .filteredOn(r -> r.body().contains("\"c2\"")).hasSize(1);
    }

    @Test
    void monitoringHoldsOneSuccessPerChangeAndTheContactsReadBack() throws InterruptedException {
        ScenarioResult result = run(wsseStandIn());

        assertThat(result.records()).hasSize(7).allMatch(r -> r.status() == OutboundRequestStatus.SUCCESS);
        assertThat(result.finalRecords()).extracting(r -> r.changeType() + " " + r.integrationKey())
                .containsExactlyInAnyOrder("SAVED c1", "SAVED c2", "SAVED c3", "SAVED c4", "SAVED c5", "SAVED c3", "DELETED c5");
        assertThat(result.contactsAfter().contacts()).hasSize(4);
        assertThat(result.contactsAfter().errors()).containsOnlyKeys("c5");
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("Save c2 again, unchanged: 0 changes queued");
    }

    @Test
    void againstTheStandInWithOAuthFetchesOneTokenAndSendsBearerRequests() throws InterruptedException {
        standIn = EmarsysStandIn.builder().oauth("client", "s3cret").customField(12345, "Customer ID").build().start();

        ScenarioResult result = run(EmarsysSettings.oauth(standIn.apiBaseUrl(3), standIn.tokenUrl(), "client", "s3cret", 12345));

        assertThat(result.allDelivered()).isTrue();
        assertExpectedContacts();
        assertThat(standIn.tokenRequestCount()).isEqualTo(1);
        assertThat(standIn.requestCount()).isEqualTo(5);
        assertThat(standIn.requests()).allMatch(r -> r.authScheme().equals("Bearer") && r.path().startsWith("/api/v3/"));
    }

    @Test
    void retriesThroughARateLimitAndAServerErrorAndStillEndsWithTheExpectedContacts() throws InterruptedException {
        EmarsysSettings settings = wsseStandIn();
        standIn.rateLimitNext(1, Duration.ofSeconds(1), "contact");
        standIn.failNext(1, 503, "contact");

        ScenarioResult result = run(settings);

        assertThat(result.allDelivered()).isTrue();
        assertExpectedContacts();
        assertThat(standIn.requests()).extracting(StandInRequest::status).startsWith(200, 429, 503, 200);
        assertThat(result.records()).filteredOn(r -> r.status() == OutboundRequestStatus.RETRY).isNotEmpty();
    }

    @Test
    void aWrongSecretStopsAtTheAccountCheckBeforeAnyChangeIsSent() {
        wsseStandIn();
        CustomerScenario scenario = new CustomerScenario(EmarsysSettings.wsse(standIn.apiBaseUrl(2), "user", "wrong", 12345),
                new PrintStream(progress, true, StandardCharsets.UTF_8), TIMEOUT);

        assertThatThrownBy(scenario::run).isInstanceOf(EmarsysSettingsException.class)
                .hasMessageStartingWith("Emarsys refused the credentials")
                .hasMessageNotContaining("wrong");
        assertThat(standIn.requests()).extracting(StandInRequest::endpoint).containsExactly("field");
    }

    @Test
    void anAccountWithoutTheCustomerIdFieldStopsAtTheAccountCheck() {
        standIn = EmarsysStandIn.builder().wsse("user", "secret").build().start();
        CustomerScenario scenario = new CustomerScenario(EmarsysSettings.wsse(standIn.apiBaseUrl(2), "user", "secret", 12345),
                new PrintStream(progress, true, StandardCharsets.UTF_8), TIMEOUT);

        assertThatThrownBy(scenario::run).isInstanceOf(EmarsysSettingsException.class)
                .hasMessage("the Emarsys account has no field 12345 to hold customerID: set EMARSYS_CUSTOMER_ID_FIELD "
                        + "to the id of an indexed custom field");
        assertThat(standIn.contacts()).isEmpty();
    }
}
