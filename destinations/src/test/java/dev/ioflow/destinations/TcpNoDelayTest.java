package dev.ioflow.destinations;

import static dev.ioflow.destinations.TestSupport.ok;
import static dev.ioflow.destinations.TestSupport.postJson;
import static dev.ioflow.destinations.TestSupport.url;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.SocketFactory;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class TcpNoDelayTest extends MockServerTest {

    private DestinationClient.Builder clientBuilder(OkHttpClient shared) {
        return DestinationClient.builder().destination(ConsumedDestination.builder("crm", url(server, "/hooks")).build())
                .okHttpClient(shared);
    }

    @Test
    void destinationSocketsDisableNaglesAlgorithmByDefault() throws IOException {
        DestinationClient client = clientBuilder(new OkHttpClient()).build();

        try (Socket socket = client.httpClient("crm").socketFactory().createSocket()) {
            assertThat(socket.getTcpNoDelay()).isTrue();
        }
    }

    @Test
    void theSharedClientsOwnSocketFactoryStillMakesTheSockets() {
        CountingSocketFactory own = new CountingSocketFactory();
        server.enqueue(ok("{}"));
        DestinationClient client = clientBuilder(new OkHttpClient.Builder().socketFactory(own).build()).build();

        DestinationResponse response = client.send("crm", postJson("{}"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(own.created.get()).isEqualTo(1);
    }

    @Test
    void optingOutLeavesTheSharedClientsSocketFactoryUntouched() {
        CountingSocketFactory own = new CountingSocketFactory();
        DestinationClient client = clientBuilder(new OkHttpClient.Builder().socketFactory(own).build())
                .tcpNoDelay(false)
                .build();

        assertThat(client.httpClient("crm").socketFactory()).isSameAs(own);
    }

    /** A socket factory of the application's own. */
    private static final class CountingSocketFactory extends SocketFactory {
        final AtomicInteger created = new AtomicInteger();

        @Override
        public Socket createSocket() {
            created.incrementAndGet();
            return new Socket();
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            throw new IOException("unexpected: OkHttp connects unconnected sockets");
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            throw new IOException("unexpected: OkHttp connects unconnected sockets");
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            throw new IOException("unexpected: OkHttp connects unconnected sockets");
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            throw new IOException("unexpected: OkHttp connects unconnected sockets");
        }
    }
}
