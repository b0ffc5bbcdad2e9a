package dev.ioflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioflow.webhook.ChangeType;
import dev.ioflow.webhook.OutboundRequest;
import dev.ioflow.webhook.OutboundRequestStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioReportTest {
    private static final byte[] C1 = "{\"customerID\":\"c1\",\"contactEmail\":\"c1@example.com\",\"firstName\":\"First1\",\"lastName\":\"Last1\",\"integrationKey\":\"c1\"}"
            .getBytes(StandardCharsets.UTF_8);

    private static OutboundRequest record(long id, String messageId, OutboundRequestStatus status, int attempt, int http,
                                          String detail) {
        return OutboundRequest.builder().id(id).messageId(messageId).status(status).webhookId("ioCustomer->emarsys")
                .integrationObject("ioCustomer").integrationKey("c1").destinationId("emarsys")
                .changeType(ChangeType.SAVED).attempt(attempt).createdAt(Instant.EPOCH).attemptedAt(Instant.EPOCH)
                .httpStatus(http).detail(detail).payload(C1).build();
    }

    private static String print(ScenarioResult result) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ScenarioReport(new PrintStream(out, true, StandardCharsets.UTF_8)).print(result);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aRetriedThenDeliveredChangeCountsAsDeliveredAndShowsBothAttempts() {
        ScenarioResult result = new ScenarioResult(CustomerScenario.mapping(12345), List.of(
                record(2, "m1", OutboundRequestStatus.SUCCESS, 2, 200, "request 2: contact c1 ok"),
                record(1, "m1", OutboundRequestStatus.RETRY, 1, 429, "rate limited")), true, 0, 0, null, "offline");

        String text = print(result);

        assertThat(result.allDelivered()).isTrue();
        assertThat(result.records()).extracting(OutboundRequest::id).containsExactly(1L, 2L);
        assertThat(text).contains("SAVED   c1   3=c1@example.com 1=First1 2=Last1 12345=c1  SUCCESS")
                .contains("RETRY").contains("rate limited")
                .contains("Contacts could not be read back from Emarsys: offline")
                .contains("Result: all changes delivered (1).");
    }

    @Test
    void aDeadLetterMakesTheVerdictNegative() {
        ScenarioResult result = new ScenarioResult(CustomerScenario.mapping(12345), List.of(
                record(1, "m1", OutboundRequestStatus.ERROR, 1, 400, "2007 Invalid email address")), true, 1, 0, null, "x");

        assertThat(result.allDelivered()).isFalse();
        assertThat(print(result)).contains("Result: NOT all changes were delivered (1 dead letters).");
    }

    @Test
    void pendingDeliveriesMakeTheVerdictNegative() {
        ScenarioResult result = new ScenarioResult(CustomerScenario.mapping(12345), List.of(
                record(1, "m1", OutboundRequestStatus.RETRY, 1, 503, "down")), false, 0, 0, null, "x");

        assertThat(result.allDelivered()).isFalse();
        assertThat(print(result)).contains("(0 dead letters, some still pending)");
    }

    @Test
    void noRecordsAtAllIsNotASuccess() {
        ScenarioResult result = new ScenarioResult(CustomerScenario.mapping(12345), List.of(), true, 0, 0, null, "x");

        assertThat(result.allDelivered()).isFalse();
    }
}
