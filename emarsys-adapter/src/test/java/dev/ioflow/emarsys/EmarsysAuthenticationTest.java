package dev.ioflow.emarsys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ioflow.destinations.ConsumedDestination;
import dev.ioflow.destinations.DestinationClient;
import dev.ioflow.destinations.DestinationRegistry;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmarsysAuthenticationTest {

    private static final String FIELDS = "{\"replyCode\":0,\"replyText\":\"OK\",\"data\":[]}";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-20T12:51:45Z"), ZoneOffset.UTC);

    private final MockWebServer server = new MockWebServer();
    private final AtomicInteger tokenRequests = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getTarget().equals("/oauth2/token")) {
                    tokenRequests.incrementAndGet();
                    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                            .body("{\"access_token\":\"tok-" + tokenRequests.get() + "\",\"token_type\":\"bearer\","
                                    + "\"expires_in\":3600}").build();
                }
                return new MockResponse.Builder().code(200).body(FIELDS).build();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private EmarsysConfig.Builder config() {
        return EmarsysConfig.builder().apiBaseUrl(server.url("/api/v3/").toString()).clock(CLOCK);
    }

    @Test
    void oauthTokenIsFetchedOnceForManyRequests() throws Exception {
        EmarsysClient client = EmarsysClient.builder().config(config()
                .oauth2("client-1", "client-secret-1")
                .oauth2TokenUrl(server.url("/oauth2/token").toString())
                .build()).build();

        for (int i = 0; i < 5; i++) {
            client.listFields();
        }

        assertThat(tokenRequests).hasValue(1);
        RecordedRequest token = server.takeRequest();
        assertThat(token.getMethod()).isEqualTo("POST");
        assertThat(token.getBody().utf8()).contains("grant_type=client_credentials");
        assertThat(token.getHeaders().get("Authorization")).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString("client-1:client-secret-1".getBytes(StandardCharsets.UTF_8)));
        for (int i = 0; i < 5; i++) {
            RecordedRequest api = server.takeRequest();
            assertThat(api.getTarget()).isEqualTo("/api/v3/field");
            assertThat(api.getHeaders().get("Authorization")).isEqualTo("Bearer tok-1");
            assertThat(api.getHeaders().get("X-WSSE")).isNull();
        }
    }

    @Test
    void refusedOauthClientIsAnAuthExceptionWithoutTheSecret() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
                        .body("{\"error\":\"invalid_client\"}").build();
            }
        });
        EmarsysClient client = EmarsysClient.builder().config(config()
                .oauth2("client-1", "client-secret-1")
                .oauth2TokenUrl(server.url("/oauth2/token").toString())
                .build()).build();

        assertThatThrownBy(client::listFields)
                .isInstanceOfSatisfying(EmarsysAuthException.class, e -> assertThat(e.retryable()).isTrue())
                .hasMessageStartingWith("Emarsys GET field could not authenticate: ")
                .hasMessageContaining("invalid_client")
                .hasMessageNotContaining("client-secret-1");
    }

    @Test
    void wsseSignsEveryRequestWithAFreshNonceThatVerifiesAgainstTheSecret() throws Exception {
        EmarsysClient client = EmarsysClient.builder().config(config()
                .wsse("customer001", "customersecret").secureRandom(new SecureRandom()).build()).build();

        Set<String> nonces = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            client.listFields();
            RecordedRequest request = server.takeRequest();
            WsseHeader header = WsseHeader.parse(request.getHeaders().get("X-WSSE"));
            assertThat(header.username()).isEqualTo("customer001");
            assertThat(header.created()).isEqualTo("2026-03-20T12:51:45Z");
            assertThat(header.matches("customersecret")).isTrue();
            assertThat(header.isFresh(CLOCK.instant(), Duration.ofMinutes(5))).isTrue();
            assertThat(request.getHeaders().get("Authorization")).isNull();
            nonces.add(header.nonce());
        }
        assertThat(nonces).hasSize(3);
        assertThat(tokenRequests).hasValue(0);
    }

    @Test
    void clientUsesAConsumedDestinationOfTheApplicationsRegistry() throws Exception {
        ConsumedDestination destination = ConsumedDestination.builder("crm-emarsys", server.url("/api/v2").toString())
                .credential(WsseCredential.of("customer001", "customersecret", CLOCK, new SecureRandom()))
                .build();
        DestinationClient destinations = DestinationClient.builder().destination(destination).clock(CLOCK).build();
        EmarsysClient client = EmarsysClient.builder().destination(destinations, "crm-emarsys").build();

        client.listFields();

        RecordedRequest request = server.takeRequest();
        assertThat(request.getTarget()).isEqualTo("/api/v2/field");
        assertThat(WsseHeader.parse(request.getHeaders().get("X-WSSE")).matches("customersecret")).isTrue();
    }

    @Test
    void defaultBaseUrlFollowsTheScheme() {
        assertThat(EmarsysConfig.builder().wsse("u", "s").build().apiBaseUrl())
                .isEqualTo("https://api.emarsys.net/api/v2/");
        assertThat(EmarsysConfig.builder().wsse("u", "s").oauth2("id", "secret").build().apiBaseUrl())
                .isEqualTo("https://api.emarsys.net/api/v3/");
    }

    @Test
    void switchingFromWsseToOauthIsOneSetting() {
        EmarsysConfig.Builder builder = EmarsysConfig.builder().wsse("customer001", "customersecret");
        assertThat(builder.build().usesWsse()).isTrue();

        EmarsysConfig oauth = builder.oauth2("client-1", "client-secret-1").build();

        assertThat(oauth.usesWsse()).isFalse();
        assertThat(oauth.toDestination().url()).isEqualTo("https://api.emarsys.net/api/v3/");
    }
}
