package dev.ioflow.emarsys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

class SecretsTest {

    private static final String SECRET = "s3cr3t-do-not-show";

    @Test
    void toStringOfCredentialsAndConfigurationsNeverShowsTheSecret() {
        assertThat(WsseCredential.of("customer001", SECRET).toString())
                .contains("customer001").doesNotContain(SECRET);
        assertThat(EmarsysConfig.builder().wsse("customer001", SECRET).build().toString()).doesNotContain(SECRET);
        assertThat(EmarsysConfig.builder().oauth2("client-1", SECRET).build().toString())
                .contains("client-1").doesNotContain(SECRET);
    }

    @Test
    void secretsAppearNeitherInExceptionsNorInLogs() throws Exception {
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().code(401)
                    .body("{\"replyCode\":1,\"replyText\":\"Unauthorized\",\"data\":\"\"}").build());
            server.start();
            EmarsysClient client = EmarsysClient.builder().config(EmarsysConfig.builder()
                    .apiBaseUrl(server.url("/api/v2/").toString()).wsse("customer001", SECRET).build()).build();
            EmarsysContactTarget target = EmarsysContactTarget.builder(client,
                    ContactMapping.builder().field("contactEmail", 3).build()).build();
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));

            var outcomes = target.deliver(EmarsysContactTargetTest.saves(1));
            server.enqueue(new MockResponse.Builder().code(401)
                    .body("{\"replyCode\":1,\"replyText\":\"Unauthorized\",\"data\":\"\"}").build());
            EmarsysAuthException e = catchThrowableOfType(EmarsysAuthException.class,
                    () -> client.upsertContacts(3, List.of()));

            assertThat(e.getMessage()).doesNotContain(SECRET);
            assertThat(outcomes.get(0).detail()).doesNotContain(SECRET).contains("HTTP 401");
        } finally {
            System.setErr(originalErr);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("Emarsys").doesNotContain(SECRET);
    }
}
