package dev.ioflow.destinations;

import static dev.ioflow.destinations.TestSupport.body;
import static dev.ioflow.destinations.TestSupport.ok;
import static dev.ioflow.destinations.TestSupport.take;
import static dev.ioflow.destinations.TestSupport.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Issue 14, item 4: SAP-style CSRF tokens (SAP Cloud Integration) fetched, cached, sent, and refetched once. */
class CsrfTokenTest extends MockServerTest {

    private static MockResponse token(String token, String session) {
        return new MockResponse.Builder().code(200).setHeader("X-CSRF-Token", token)
                .addHeader("Set-Cookie", "JSESSIONID=" + session + "; Path=/; Secure; HttpOnly")
                .addHeader("Set-Cookie", "__VCAP_ID__=v1; Path=/").build();
    }

    private static MockResponse tokenRequired() {
        return new MockResponse.Builder().code(403).setHeader("X-CSRF-Token", "Required").body("CSRF token validation failed").build();
    }

    private ConsumedDestination.Builder cpi() {
        return ConsumedDestination.builder("cpi", url(server, "/http/orders")).csrfUrl(url(server, "/http/orders"))
                .credential(Credential.basic("user", "pw"));
    }

    private DestinationResponse post(DestinationClient client, String json) {
        return client.send("cpi", DestinationRequest.builder().json(json).build());
    }

    @Test
    void tokenIsFetchedWithTheCredentialBeforeTheFirstWriteAndSentWithItsSessionCookie() throws Exception {
        server.enqueue(token("tok-1", "s1"));
        server.enqueue(ok("{}"));
        server.enqueue(ok("{}"));
        DestinationClient client = TestSupport.clientFor(cpi().build());

        assertThat(post(client, "{\"n\":1}").status()).isEqualTo(200);
        assertThat(post(client, "{\"n\":2}").status()).isEqualTo(200);

        RecordedRequest fetch = take(server);
        assertThat(fetch.getMethod()).isEqualTo("HEAD");
        assertThat(fetch.getTarget()).isEqualTo("/http/orders");
        assertThat(fetch.getHeaders().get("X-CSRF-Token")).isEqualTo("Fetch");
        assertThat(fetch.getHeaders().get("Authorization")).startsWith("Basic ");
        for (int i = 1; i <= 2; i++) {
            RecordedRequest write = take(server);
            assertThat(write.getMethod()).isEqualTo("POST");
            assertThat(write.getHeaders().get("X-CSRF-Token")).isEqualTo("tok-1");
            assertThat(write.getHeaders().get("Cookie")).isEqualTo("JSESSIONID=s1; __VCAP_ID__=v1");
            assertThat(body(write)).isEqualTo("{\"n\":" + i + "}");
        }
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void readsNeedNoToken() throws Exception {
        server.enqueue(ok("{}"));

        TestSupport.clientFor(cpi().build()).send("cpi", DestinationRequest.builder().method("GET").build());

        assertThat(take(server).getHeaders().get("X-CSRF-Token")).isNull();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aRejectedTokenIsRefetchedOnceAndTheWriteSentAgain() throws Exception {
        server.enqueue(token("tok-1", "s1"));
        server.enqueue(tokenRequired());
        server.enqueue(token("tok-2", "s2"));
        server.enqueue(ok("{}"));

        assertThat(post(TestSupport.clientFor(cpi().build()), "{}").status()).isEqualTo(200);

        take(server);
        assertThat(take(server).getHeaders().get("X-CSRF-Token")).isEqualTo("tok-1");
        assertThat(take(server).getHeaders().get("X-CSRF-Token")).isEqualTo("Fetch");
        RecordedRequest retry = take(server);
        assertThat(retry.getHeaders().get("X-CSRF-Token")).isEqualTo("tok-2");
        assertThat(retry.getHeaders().get("Cookie")).isEqualTo("JSESSIONID=s2; __VCAP_ID__=v1");
        assertThat(body(retry)).isEqualTo("{}");
    }

    @Test
    void aSecondRejectionIsReturnedToTheCallerWithoutLooping() {
        server.enqueue(token("tok-1", "s1"));
        server.enqueue(tokenRequired());
        server.enqueue(token("tok-2", "s2"));
        server.enqueue(tokenRequired());

        DestinationResponse response = post(TestSupport.clientFor(cpi().build()), "{}");

        assertThat(response.status()).isEqualTo(403);
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void a403WithoutTokenRequiredIsNotRetried() {
        server.enqueue(token("tok-1", "s1"));
        server.enqueue(TestSupport.status(403));

        assertThat(post(TestSupport.clientFor(cpi().build()), "{}").status()).isEqualTo(403);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void getIsTriedWhenHeadBringsNoToken() throws Exception {
        server.enqueue(TestSupport.status(405));
        server.enqueue(token("tok-g", "s1"));
        server.enqueue(ok("{}"));

        assertThat(post(TestSupport.clientFor(cpi().build()), "{}").status()).isEqualTo(200);

        assertThat(take(server).getMethod()).isEqualTo("HEAD");
        assertThat(take(server).getMethod()).isEqualTo("GET");
        assertThat(take(server).getHeaders().get("X-CSRF-Token")).isEqualTo("tok-g");
    }

    @Test
    void noTokenAtAllIsACredentialFailureNamingTheHostNotThePath() {
        server.enqueue(TestSupport.status(401));
        server.enqueue(TestSupport.status(401));

        Throwable thrown = catchThrowable(() -> post(TestSupport.clientFor(cpi().build()), "{}"));

        assertThat(thrown).isInstanceOfSatisfying(CredentialException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(401);
            assertThat(e).hasMessage("CSRF token fetch of destination 'cpi' from " + server.url("/").toString() + "…"
                    + " brought no X-CSRF-Token header (HEAD and GET; last answer HTTP 401)");
        });
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void concurrentWritesShareOneTokenFetch() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if ("Fetch".equals(request.getHeaders().get("X-CSRF-Token"))) {
                    sleep();
                    return token("tok-1", "s1");
                }
                return "tok-1".equals(request.getHeaders().get("X-CSRF-Token")) ? ok("{}") : TestSupport.status(400);
            }
        });
        DestinationClient client = TestSupport.clientFor(cpi().build());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> post(client, "{}").status()));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        int fetches = 0;
        for (int i = 0; i < 9; i++) {
            fetches += "Fetch".equals(take(server).getHeaders().get("X-CSRF-Token")) ? 1 : 0;
        }
        assertThat(fetches).isEqualTo(1);
    }

    @Test
    void destinationFileReadsTheCsrfUrlUnderEitherName() {
        DestinationRegistry registry = DestinationRegistry.fromJson("{\"destinations\":["
                + "{\"id\":\"a\",\"url\":\"https://cpi.example.com/http/a\",\"csrfUrl\":\"https://cpi.example.com/http/csrf\"},"
                + "{\"id\":\"b\",\"url\":\"https://cpi.example.com/http/b\",\"csrfURL\":\"https://cpi.example.com/http/b\"}]}",
                SecretResolver.withEnvironment(Map.of()));

        assertThat(registry.require("a").csrfUrl()).isEqualTo("https://cpi.example.com/http/csrf");
        assertThat(registry.require("b").csrfUrl()).isEqualTo("https://cpi.example.com/http/b");
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
