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
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class TransportFailureTest extends MockServerTest {

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
        DestinationClient client = DestinationClient.builder().destination(d).okHttpClient(noDns).build();

        assertThatThrownBy(() -> client.send("crm", postJson("{}")))
                .isInstanceOfSatisfying(DestinationIOException.class, e -> assertThat(e.kind()).isEqualTo(Kind.DNS))
                .hasMessageContaining("host crm.example.invalid");
    }

    @Test
    void httpsToAPlainHttpServerIsATlsFailure() throws Exception {
        try (ServerSocket plain = new ServerSocket(0)) {
            Thread answer = new Thread(() -> answerInPlainHttp(plain));
            answer.start();
            ConsumedDestination d = ConsumedDestination.builder("crm", "https://127.0.0.1:" + plain.getLocalPort() + "/")
                    .readTimeout(Duration.ofSeconds(5))
                    .build();

            assertThatThrownBy(() -> clientFor(d).send("crm", postJson("{}")))
                    .isInstanceOfSatisfying(DestinationIOException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TLS));
            answer.join(5000);
        }
    }

    /** Answers the first connection with plain-text HTTP, which a TLS client cannot take for a ServerHello. */
    private static void answerInPlainHttp(ServerSocket plain) {
        try (Socket socket = plain.accept(); OutputStream out = socket.getOutputStream()) {
            out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.getInputStream().read(new byte[1024]);
        } catch (IOException ignored) {
            // the client hung up first: nothing to answer
        }
    }
}
