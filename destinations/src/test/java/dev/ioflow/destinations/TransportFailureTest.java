package dev.ioflow.destinations;

import static dev.ioflow.destinations.TestSupport.clientFor;
import static dev.ioflow.destinations.TestSupport.closedPort;
import static dev.ioflow.destinations.TestSupport.ok;
import static dev.ioflow.destinations.TestSupport.postJson;
import static dev.ioflow.destinations.TestSupport.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ioflow.destinations.DestinationIOException.Kind;
import java.io.IOException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransportFailureTest {
    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void slowResponseBeyondTheReadTimeoutIsATimeout() {
        server.enqueue(new MockResponse.Builder(ok("{}")).headersDelay(2, TimeUnit.SECONDS).build());
        ConsumedDestination d = ConsumedDestination.builder("crm", url(server, "/")).readTimeout(Duration.ofMillis(200)).build();

        assertThatThrownBy(() -> clientFor(d).send("crm", postJson("{}")))
                .isInstanceOfSatisfying(DestinationIOException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
                    assertThat(e.destinationId()).isEqualTo("crm");
                })
                .hasMessageContaining("'crm'")
                .hasMessageContaining("host " + server.getHostName());
    }

    @Test
    void slowResponseBeyondTheCallTimeoutIsATimeout() {
        server.enqueue(new MockResponse.Builder(ok("{}")).headersDelay(2, TimeUnit.SECONDS).build());
        ConsumedDestination d = ConsumedDestination.builder("crm", url(server, "/")).callTimeout(Duration.ofMillis(200)).build();

        assertThatThrownBy(() -> clientFor(d).send("crm", postJson("{}")))
                .isInstanceOfSatisfying(DestinationIOException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TIMEOUT));
    }

    @Test
    void refusedConnectionIsAConnectFailure() {
        ConsumedDestination d = ConsumedDestination.builder("crm", "http://127.0.0.1:" + closedPort() + "/").build();

        assertThatThrownBy(() -> clientFor(d).send("crm", postJson("{}")))
                .isInstanceOfSatisfying(DestinationIOException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CONNECT))
                .hasMessageContaining("host 127.0.0.1");
    }

    @Test
    void unknownHostIsADnsFailure() {
        OkHttpClient noDns = new OkHttpClient.Builder().dns(host -> {
            throw new UnknownHostException(host);
        }).build();
        ConsumedDestination d = ConsumedDestination.builder("crm", "https://crm.example.invalid/api/").build();
        DestinationClient client = DestinationClient.builder(DestinationRegistry.builder().add(d).build()).okHttpClient(noDns).build();

        assertThatThrownBy(() -> client.send("crm", postJson("{}")))
                .isInstanceOfSatisfying(DestinationIOException.class, e -> assertThat(e.kind()).isEqualTo(Kind.DNS))
                .hasMessageContaining("host crm.example.invalid");
    }

    @Test
    void httpsToAPlainHttpServerIsATlsFailure() {
        ConsumedDestination d = ConsumedDestination.builder("crm", "https://127.0.0.1:" + server.getPort() + "/").build();

        assertThatThrownBy(() -> clientFor(d).send("crm", postJson("{}")))
                .isInstanceOfSatisfying(DestinationIOException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TLS));
    }
}
