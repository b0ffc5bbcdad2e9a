package dev.ioflow.destinations;

import static dev.ioflow.destinations.TestSupport.body;
import static dev.ioflow.destinations.TestSupport.ok;
import static dev.ioflow.destinations.TestSupport.postJson;
import static dev.ioflow.destinations.TestSupport.status;
import static dev.ioflow.destinations.TestSupport.take;
import static dev.ioflow.destinations.TestSupport.token;
import static dev.ioflow.destinations.TestSupport.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OAuth2ClientCredentialsTest {
    private final MockWebServer auth = new MockWebServer();
    private final MockWebServer api = new MockWebServer();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));

    @BeforeEach
    void start() throws IOException {
        auth.start();
        api.start();
    }

    @AfterEach
    void stop() {
        auth.close();
        api.close();
    }

    private DestinationClient client(OAuth2ClientCredentials.Builder credential) {
        ConsumedDestination destination = ConsumedDestination.builder("crm", url(api, "/api/"))
                .credential(credential.build())
                .build();
        return DestinationClient.builder().destination(destination).clock(clock).build();
    }

    private OAuth2ClientCredentials.Builder credential() {
        return Credential.oauth2ClientCredentials(url(auth, "/oauth2/token"), "client-1", "client-secret-1");
    }

    @Test
    void tokenRequestUsesClientCredentialsGrantWithBasicClientAuthentication() throws Exception {
        auth.enqueue(token("at-1", 3600));
        api.enqueue(ok("{}"));

        client(credential().scope("contacts")).send("crm", postJson("{}"));

        RecordedRequest tokenRequest = take(auth);
        assertThat(tokenRequest.getMethod()).isEqualTo("POST");
        assertThat(body(tokenRequest)).isEqualTo("grant_type=client_credentials&scope=contacts");
        assertThat(tokenRequest.getHeaders().get("Authorization")).isEqualTo("Basic Y2xpZW50LTE6Y2xpZW50LXNlY3JldC0x");
        assertThat(take(api).getHeaders().get("Authorization")).isEqualTo("Bearer at-1");
    }

    @Test
    void formClientAuthenticationSendsIdAndSecretInTheBody() throws Exception {
        auth.enqueue(token("at-1", 3600));
        api.enqueue(ok("{}"));

        client(credential().clientAuthentication(OAuth2ClientCredentials.ClientAuthentication.FORM))
                .send("crm", postJson("{}"));

        RecordedRequest tokenRequest = take(auth);
        assertThat(body(tokenRequest))
                .isEqualTo("grant_type=client_credentials&client_id=client-1&client_secret=client-secret-1");
        assertThat(tokenRequest.getHeaders().get("Authorization")).isNull();
    }

    @Test
    void cachedTokenIsReusedWhileFresh() throws Exception {
        auth.enqueue(token("at-1", 3600));
        api.enqueue(ok("{}"));
        api.enqueue(ok("{}"));
        DestinationClient client = client(credential());

        client.send("crm", postJson("{}"));
        clock.advance(Duration.ofMinutes(58));
        client.send("crm", postJson("{}"));

        assertThat(auth.getRequestCount()).isEqualTo(1);
        assertThat(take(api).getHeaders().get("Authorization")).isEqualTo("Bearer at-1");
        assertThat(take(api).getHeaders().get("Authorization")).isEqualTo("Bearer at-1");
    }

    @Test
    void tokenIsRefreshedOnceItsLifeMinusTheSkewHasPassed() throws Exception {
        auth.enqueue(token("at-1", 3600));
        auth.enqueue(token("at-2", 3600));
        api.enqueue(ok("{}"));
        api.enqueue(ok("{}"));
        DestinationClient client = client(credential().refreshSkew(Duration.ofSeconds(60)));

        client.send("crm", postJson("{}"));
        clock.advance(Duration.ofSeconds(3540));
        client.send("crm", postJson("{}"));

        assertThat(auth.getRequestCount()).isEqualTo(2);
        assertThat(take(api).getHeaders().get("Authorization")).isEqualTo("Bearer at-1");
        assertThat(take(api).getHeaders().get("Authorization")).isEqualTo("Bearer at-2");
    }

    @Test
    void eightConcurrentCallersShareOneTokenRequest() throws Exception {
        auth.enqueue(new MockResponse.Builder(token("at-1", 3600)).headersDelay(200, TimeUnit.MILLISECONDS).build());
        for (int i = 0; i < 8; i++) {
            api.enqueue(ok("{}"));
        }
        DestinationClient client = client(credential());
        sendAtOnceExpectingOk(client, 8);

        assertThat(auth.getRequestCount()).isEqualTo(1);
        for (int i = 0; i < 8; i++) {
            assertThat(take(api).getHeaders().get("Authorization")).isEqualTo("Bearer at-1");
        }
    }

    @Test
    void callersWaitingForAFailingTokenRequestShareItsFailureInsteadOfEachAskingAgain() throws Exception {
        CountDownLatch tokenRequested = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        auth.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                tokenRequested.countDown();
                release.await(10, TimeUnit.SECONDS);
                return status(503);
            }
        });
        DestinationClient client = client(credential());
        List<Thread> callers = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(8, task -> {
            Thread t = new Thread(task);
            callers.add(t);
            return t;
        });
        try {
            List<Future<Throwable>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(pool.submit(() -> catchThrowable(() -> client.send("crm", postJson("{}")))));
            }
            assertThat(tokenRequested.await(10, TimeUnit.SECONDS)).isTrue();
            awaitWaitingForTheTokenLock(callers, 7);
            release.countDown();
            for (Future<Throwable> call : calls) {
                assertThat(call.get(10, TimeUnit.SECONDS)).isInstanceOf(CredentialException.class)
                        .hasMessageContaining("HTTP 503");
            }
        } finally {
            release.countDown();
            pool.shutdownNow();
        }

        assertThat(auth.getRequestCount()).isEqualTo(1);
        assertThat(api.getRequestCount()).isZero();
    }

    @Test
    void aLaterCallAsksForATokenAgainAfterAFailure() {
        auth.enqueue(status(503));
        auth.enqueue(token("at-2", 3600));
        api.enqueue(ok("{}"));
        DestinationClient client = client(credential());

        assertThat(catchThrowable(() -> client.send("crm", postJson("{}")))).isInstanceOf(CredentialException.class);

        assertThat(client.send("crm", postJson("{}")).status()).isEqualTo(200);
        assertThat(auth.getRequestCount()).isEqualTo(2);
    }

    private static void awaitWaitingForTheTokenLock(List<Thread> callers, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (List.copyOf(callers).stream().filter(t -> t.getState() == Thread.State.WAITING
                && java.util.Arrays.stream(t.getStackTrace()).anyMatch(f -> f.getClassName().endsWith("OAuth2TokenSource"))).count() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("callers did not queue for the token");
            }
            Thread.sleep(5);
        }
    }

    @Test
    void expiresInSentAsAStringIsHonoured() {
        auth.enqueue(ok("{\"access_token\":\"at-1\",\"token_type\":\"bearer\",\"expires_in\":\"120\"}"));
        auth.enqueue(token("at-2", 3600));
        api.enqueue(ok("{}"));
        api.enqueue(ok("{}"));
        DestinationClient client = client(credential());

        client.send("crm", postJson("{}"));
        clock.advance(Duration.ofSeconds(61));
        client.send("crm", postJson("{}"));

        assertThat(auth.getRequestCount()).isEqualTo(2);
    }

    @Test
    void concurrentUnauthorizedResponsesToTheSameTokenCauseOneRefresh() throws Exception {
        auth.setDispatcher(new Dispatcher() {
            private final AtomicInteger issued = new AtomicInteger();

            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return token("at-" + issued.incrementAndGet(), 3600);
            }
        });
        api.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return "Bearer at-1".equals(request.getHeaders().get("Authorization")) ? status(401) : ok("{}");
            }
        });
        DestinationClient client = client(credential());
        sendAtOnceExpectingOk(client, 4);

        assertThat(auth.getRequestCount()).isEqualTo(2);
        assertThat(api.getRequestCount()).isBetween(5, 8);
    }

    @Test
    void unauthorizedResponseRefreshesTheTokenOnceAndRetriesOnce() throws Exception {
        auth.enqueue(token("at-1", 3600));
        auth.enqueue(token("at-2", 3600));
        api.enqueue(status(401));
        api.enqueue(ok("{\"ok\":true}"));

        DestinationResponse response = client(credential()).send("crm", postJson("{}"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(auth.getRequestCount()).isEqualTo(2);
        assertThat(take(api).getHeaders().get("Authorization")).isEqualTo("Bearer at-1");
        assertThat(take(api).getHeaders().get("Authorization")).isEqualTo("Bearer at-2");
    }

    @Test
    void secondUnauthorizedResponseIsReturnedWithoutLooping() throws Exception {
        auth.enqueue(token("at-1", 3600));
        auth.enqueue(token("at-2", 3600));
        auth.enqueue(token("at-3", 3600));
        api.enqueue(status(401));
        api.enqueue(status(401));
        api.enqueue(ok("{}"));

        DestinationResponse response = client(credential()).send("crm", postJson("{}"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(auth.getRequestCount()).isEqualTo(2);
        assertThat(api.getRequestCount()).isEqualTo(2);
    }

    @Test
    void tokenEndpointRefusalIsACredentialExceptionWithHostStatusAndErrorCode() {
        auth.enqueue(new MockResponse.Builder().code(401).setHeader("Content-Type", "application/json")
                .body("{\"error\":\"invalid_client\",\"error_description\":\"bad secret\"}").build());

        assertThatThrownBy(() -> client(credential()).send("crm", postJson("{}")))
                .isInstanceOfSatisfying(CredentialException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(401);
                    assertThat(e.oauthError()).isEqualTo("invalid_client");
                })
                .hasMessageContaining(auth.getHostName())
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("invalid_client")
                .hasMessageContaining("'crm'")
                .hasMessageNotContaining("client-secret-1");
        assertThat(api.getRequestCount()).isZero();
    }

    @Test
    void tokenResponseWithoutAccessTokenIsACredentialException() {
        auth.enqueue(ok("{\"token_type\":\"Bearer\"}"));

        assertThatThrownBy(() -> client(credential()).send("crm", postJson("{}")))
                .isInstanceOf(CredentialException.class)
                .hasMessageContaining("without an access_token");
    }

    @Test
    void unreachableTokenEndpointIsATransportFailure() {
        auth.close();

        assertThatThrownBy(() -> client(credential()).send("crm", postJson("{}")))
                .isInstanceOfSatisfying(DestinationIOException.class,
                        e -> assertThat(e.kind()).isEqualTo(DestinationIOException.Kind.CONNECT))
                .hasMessageContaining("OAuth token request")
                .hasMessageNotContaining("client-secret-1");
    }

    /** Starts {@code callers} sends at the same moment and expects every one to end with HTTP 200. */
    private static void sendAtOnceExpectingOk(DestinationClient client, int callers) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<DestinationResponse>> calls = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                calls.add(pool.submit(() -> {
                    go.await();
                    return client.send("crm", postJson("{}"));
                }));
            }
            go.countDown();
            for (Future<DestinationResponse> call : calls) {
                assertThat(call.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
