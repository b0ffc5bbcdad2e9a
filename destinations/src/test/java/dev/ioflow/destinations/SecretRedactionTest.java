package dev.ioflow.destinations;

import static dev.ioflow.destinations.TestSupport.closedPort;
import static dev.ioflow.destinations.TestSupport.ok;
import static dev.ioflow.destinations.TestSupport.postJson;
import static dev.ioflow.destinations.TestSupport.status;
import static dev.ioflow.destinations.TestSupport.token;
import static dev.ioflow.destinations.TestSupport.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Secrets never appear in toString(), exception messages or logs. Every secret here contains "S3CR3T". */
class SecretRedactionTest {
    private static final String MARK = "S3CR3T";

    private final MockWebServer auth = new MockWebServer();
    private final MockWebServer server = new MockWebServer();
    private final List<String> seen = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        auth.start();
        server.start();
    }

    @AfterEach
    void stop() {
        auth.close();
        server.close();
    }

    private void see(Object value) {
        seen.add(String.valueOf(value));
    }

    private void seeThrown(Throwable thrown) {
        assertThat(thrown).isNotNull();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            see(t);
        }
    }

    @Test
    void credentialsAndDestinationsShowNoSecretInToString() {
        OAuth2ClientCredentials oauth = Credential.oauth2ClientCredentials("https://auth.example.com/t", "id", "oauth-S3CR3T").build();
        see(Secret.of("plain-S3CR3T"));
        see(Credential.basic("user", "basic-S3CR3T"));
        see(Credential.bearer("bearer-S3CR3T"));
        see(Credential.apiKey("X-Key", "key-S3CR3T"));
        see(oauth);
        see(oauth.newBuilder());
        ConsumedDestination destination = ConsumedDestination.builder("crm", "https://crm.example.com/api?key=url-S3CR3T")
                .credential(oauth)
                .header("X-Static-Key", "header-S3CR3T")
                .additionalProperty("signingKey", "property-S3CR3T")
                .build();
        see(destination);
        see(DestinationRegistry.builder().add(destination).build());
        see(DestinationRequest.builder().header("Authorization", "Bearer request-S3CR3T").json("{\"p\":\"body-S3CR3T\"}").build());
        see(DestinationResponse.builder(200).headers(Map.of("Set-Cookie", List.of("session=cookie-S3CR3T")))
                .body("resp-S3CR3T".getBytes(StandardCharsets.UTF_8)).messageId("m-1").build());

        assertThat(seen).hasSize(10).allSatisfy(text -> assertThat(text).doesNotContain(MARK));
    }

    @Test
    void exceptionsAndLogsShowNoSecret() {
        PrintStream originalErr = System.err;
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
        try {
            exerciseFailures();
        } finally {
            System.setErr(originalErr);
        }
        String log = logs.toString(StandardCharsets.UTF_8);

        assertThat(log).contains("refreshing the token").contains("refused the client").contains("CONNECT")
                .contains("to destination 'hook' answered 200")
                .contains("Connection test of destination");
        assertThat(log).doesNotContain(MARK);
        assertThat(seen).allSatisfy(text -> assertThat(text).doesNotContain(MARK));
    }

    private void exerciseFailures() {
        // OAuth: 401 → refreshed token → success; then another 401 whose refresh the token endpoint refuses,
        // echoing the secret in its error description.
        auth.enqueue(token("at-S3CR3T-1", 3600));
        auth.enqueue(token("at-S3CR3T-2", 3600));
        auth.enqueue(new MockResponse.Builder().code(401)
                .body("{\"error\":\"invalid_client\",\"error_description\":\"secret oauth-S3CR3T is wrong\"}").build());
        server.enqueue(status(401));
        server.enqueue(ok("{}"));
        server.enqueue(status(401));
        Credential oauth = Credential.oauth2ClientCredentials(url(auth, "/token"), "client", "oauth-S3CR3T").build();
        ConsumedDestination api = ConsumedDestination.builder("api", url(server, "/api/")).credential(oauth)
                .header("X-Static-Key", "header-S3CR3T").build();
        DestinationClient oauthClient = TestSupport.clientFor(api);
        see(oauthClient.send("api", postJson("{}")));
        see(oauthClient.testConnection("api").message());

        ConsumedDestination down = ConsumedDestination.builder("down", "http://127.0.0.1:" + closedPort() + "/?key=url-S3CR3T")
                .credential(Credential.basic("user", "basic-S3CR3T")).build();
        DestinationClient downClient = TestSupport.clientFor(down);
        seeThrown(catchThrowable(() -> downClient.send("down", postJson("{}"))));
        see(downClient.testConnection("down").message());

        seeThrown(catchThrowable(() -> DestinationRegistry.fromJson("{\"destinations\":[{\"id\":\"x\",\"url\":\"nope?key=${env:K}\","
                + "\"active\":\"${env:K}\",\"credential\":{\"type\":\"basic\",\"username\":\"a:b\",\"password\":\"${env:K}\"}},"
                + "{\"id\":\"y\",\"url\":\"https://y.example.com/?k=${env:K}\",\"timeouts\":{\"read\":\"${env:K}\"},"
                + "\"credential\":{\"type\":\"apiKey\",\"headerName\":\"Bad Header\",\"key\":\"${env:K}\"}},"
                + "{\"id\":\"z\",\"url\":\"https://z.example.com/\",\"credential\":{\"type\":\"bearer\",\"token\":\"${env:K}\"},"
                + "\"headers\":{\"X-A\":\"${env:K}\\n\"}}]}",
                SecretResolver.withEnvironment(Map.of("K", "env-S3CR3T")))));
        seeThrown(catchThrowable(() -> ConsumedDestination.builder("h", "https://h.example.com/")
                .header("X-Key", "line-S3CR3T\r\n").build()));
        seeThrown(catchThrowable(() -> DestinationRequest.builder().header("X-Key", "req-S3CR3T\n")));

        // Issue 10, item 9: webhook URLs carry their secret in the path; debug logs, toString and failures hide it.
        server.enqueue(ok("{}"));
        ConsumedDestination hook = ConsumedDestination.builder("hook", url(server, "/services/T000/B000/path-S3CR3T"))
                .followSameOriginRedirects(true).build();
        see(hook);
        see(TestSupport.clientFor(hook).send("hook", postJson("{}")));
        ConsumedDestination deadHook = ConsumedDestination.builder("deadHook",
                "http://127.0.0.1:" + closedPort() + "/services/T000/B000/path-S3CR3T").build();
        seeThrown(catchThrowable(() -> TestSupport.clientFor(deadHook).send("deadHook", postJson("{}"))));
        see(TestSupport.clientFor(deadHook).testConnection("deadHook").message());
    }
}
