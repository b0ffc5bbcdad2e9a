package dev.ioflow.emarsys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** WSSE on the wire: every transmission signed afresh, and only user names that fit the quoted header. */
class WsseTransmissionTest {
    private static final String FIELDS = "{\"replyCode\":0,\"replyText\":\"OK\",\"data\":[]}";

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void requestRetriedByOkHttpAfterTheServerDroppedThePooledConnectionCarriesANewNonce() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body(FIELDS).build());
        // The server reads the whole second request, then closes the (pooled) connection without answering:
        // OkHttp sends the request again on a new connection, and Emarsys would refuse a replayed nonce.
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(new MockResponse.Builder().code(200).body(FIELDS).build());
        EmarsysClient client = EmarsysClient.builder().config(EmarsysConfig.builder()
                .apiBaseUrl(server.url("/api/v2/").toString())
                .wsse("customer001", "customersecret")
                .build()).build();

        client.listFields();
        client.listFields();

        server.takeRequest(5, TimeUnit.SECONDS);
        WsseHeader dropped = WsseHeader.parse(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("X-WSSE"));
        WsseHeader retried = WsseHeader.parse(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("X-WSSE"));
        assertThat(retried.nonce()).isNotEqualTo(dropped.nonce());
        assertThat(retried.matches("customersecret")).isTrue();
    }

    @Test
    void userNameThatCannotTravelInTheQuotedHeaderIsRejectedWhenTheCredentialIsMade() {
        assertThatThrownBy(() -> WsseCredential.of("customer\"001", "customersecret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("WSSE user name 'customer\"001' must be printable ASCII without '\"'");
        assertThatThrownBy(() -> WsseCredential.of("kundé\n", "customersecret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("WSSE user name 'kund??' must be printable ASCII without '\"'");
    }
}
