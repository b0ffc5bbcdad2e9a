package dev.ioflow.destinations;

import static dev.ioflow.destinations.TestSupport.clientFor;
import static dev.ioflow.destinations.TestSupport.closedPort;
import static dev.ioflow.destinations.TestSupport.ok;
import static dev.ioflow.destinations.TestSupport.status;
import static dev.ioflow.destinations.TestSupport.take;
import static dev.ioflow.destinations.TestSupport.url;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ioflow.destinations.ConnectionTestResult.Status;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

class ConnectionTestTest extends MockServerTest {

    private ConnectionTestResult test(ConsumedDestination destination) {
        return clientFor(destination).testConnection(destination.id());
    }

    private ConsumedDestination.Builder destination() {
        return ConsumedDestination.builder("crm", url(server, "/api/"));
    }

    @Test
    void answeringEndpointIsReachableAfterAHeadRequest() throws Exception {
        server.enqueue(ok(""));

        ConnectionTestResult result = test(destination().build());

        assertThat(result.status()).isEqualTo(Status.REACHABLE);
        assertThat(result.isReachable()).isTrue();
        assertThat(result.httpStatus()).isEqualTo(200);
        assertThat(result.message()).contains("'crm'").contains("HTTP 200");
        assertThat(take(server).getMethod()).isEqualTo("HEAD");
    }

    @Test
    void headAnsweredWith405IsRetriedAsGet() throws Exception {
        server.enqueue(status(405));
        server.enqueue(ok("{}"));

        ConnectionTestResult result = test(destination().build());

        assertThat(result.status()).isEqualTo(Status.REACHABLE);
        assertThat(take(server).getMethod()).isEqualTo("HEAD");
        assertThat(take(server).getMethod()).isEqualTo("GET");
    }

    @Test
    void unauthorizedIsAuthRejected() {
        server.enqueue(status(401));

        ConnectionTestResult result = test(destination().credential(Credential.basic("u", "wrong-password")).build());

        assertThat(result.status()).isEqualTo(Status.AUTH_REJECTED);
        assertThat(result.httpStatus()).isEqualTo(401);
        assertThat(result.message()).contains("credentials rejected").doesNotContain("wrong-password");
    }

    @Test
    void forbiddenIsAuthRejected() {
        server.enqueue(status(403));

        assertThat(test(destination().build()).status()).isEqualTo(Status.AUTH_REJECTED);
    }

    @Test
    void notFoundIsReported() {
        server.enqueue(status(404));

        assertThat(test(destination().build()).status()).isEqualTo(Status.NOT_FOUND);
    }

    @Test
    void serverErrorIsReported() {
        server.enqueue(status(503));

        ConnectionTestResult result = test(destination().build());

        assertThat(result.status()).isEqualTo(Status.SERVER_ERROR);
        assertThat(result.httpStatus()).isEqualTo(503);
    }

    @Test
    void refusedConnectionIsAConnectFailure() {
        ConnectionTestResult result = test(ConsumedDestination.builder("crm", "http://127.0.0.1:" + closedPort() + "/").build());

        assertThat(result.status()).isEqualTo(Status.CONNECT_FAILURE);
        assertThat(result.httpStatus()).isZero();
        assertThat(result.message()).contains("'crm'");
    }

    @Test
    void slowEndpointIsATimeout() {
        server.enqueue(new MockResponse.Builder(ok("")).headersDelay(2, TimeUnit.SECONDS).build());

        ConnectionTestResult result = test(destination().readTimeout(Duration.ofMillis(200)).build());

        assertThat(result.status()).isEqualTo(Status.TIMEOUT);
    }

    @Test
    void inactiveDestinationIsReportedWithoutSending() {
        ConnectionTestResult result = test(destination().active(false).build());

        assertThat(result.status()).isEqualTo(Status.INACTIVE);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void refusedOAuthClientIsAuthRejected() {
        server.enqueue(new MockResponse.Builder().code(400).body("{\"error\":\"invalid_client\"}").build());
        Credential oauth = Credential.oauth2ClientCredentials(url(server, "/token"), "id", "client-secret-9").build();

        ConnectionTestResult result = test(destination().credential(oauth).build());

        assertThat(result.status()).isEqualTo(Status.AUTH_REJECTED);
        assertThat(result.message()).contains("invalid_client").doesNotContain("client-secret-9");
    }

    @Test
    void redirectToAnAuthenticatedCallIsReachableAndNotFollowed() {
        server.enqueue(new MockResponse.Builder().code(301).setHeader("Location", "https://elsewhere.example.com/").build());

        ConnectionTestResult result = test(destination().credential(Credential.bearer("tok")).build());

        assertThat(result.status()).isEqualTo(Status.REACHABLE);
        assertThat(result.message()).contains("redirect not followed");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }
}
