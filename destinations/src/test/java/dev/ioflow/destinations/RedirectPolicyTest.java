package dev.ioflow.destinations;

import static dev.ioflow.destinations.TestSupport.body;
import static dev.ioflow.destinations.TestSupport.ok;
import static dev.ioflow.destinations.TestSupport.take;
import static dev.ioflow.destinations.TestSupport.url;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 10, item 2: no destination follows a redirect unless it opted in, and then only within its origin. */
class RedirectPolicyTest extends MockServerTest {
    private final MockWebServer elsewhere = new MockWebServer();

    @AfterEach
    void stopElsewhere() {
        elsewhere.close();
    }

    private static MockResponse redirect(int code, String location) {
        return new MockResponse.Builder().code(code).setHeader("Location", location).build();
    }

    private DestinationResponse post(ConsumedDestination destination, String json) {
        return TestSupport.clientFor(destination).send(destination.id(), DestinationRequest.builder().path("in").json(json).build());
    }

    @Test
    void unauthenticatedPostAnswered307ToAnotherOriginComesBackAs307AndNothingReachesTheOtherOrigin() throws Exception {
        elsewhere.start();
        elsewhere.enqueue(ok("{}"));
        server.enqueue(redirect(307, url(elsewhere, "/steal")));
        ConsumedDestination hook = ConsumedDestination.builder("hook", url(server, "/")).header("X-Api-Key", "static-key").build();

        DestinationResponse response = post(hook, "{\"id\":1}");

        assertThat(response.status()).isEqualTo(307);
        assertThat(response.isSuccessful()).isFalse();
        assertThat(elsewhere.getRequestCount()).isZero();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void postAnswered302IsReturnedNotTurnedIntoAGet() {
        server.enqueue(redirect(302, url(server, "/moved")));
        server.enqueue(ok("{}"));

        DestinationResponse response = post(ConsumedDestination.builder("hook", url(server, "/")).build(), "{}");

        assertThat(response.status()).isEqualTo(302);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void sameOriginRedirectsAreNotFollowedWithoutTheOptIn() {
        server.enqueue(redirect(308, url(server, "/moved")));
        server.enqueue(ok("{}"));

        DestinationResponse response = post(ConsumedDestination.builder("hook", url(server, "/")).build(), "{}");

        assertThat(response.status()).isEqualTo(308);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void optedInDestinationFollows307And308WithinItsOriginKeepingMethodBodyAndCredential() throws Exception {
        server.enqueue(redirect(307, "/second"));
        server.enqueue(redirect(308, url(server, "/third")));
        server.enqueue(ok("{\"ok\":true}"));
        ConsumedDestination hook = ConsumedDestination.builder("hook", url(server, "/")).followSameOriginRedirects(true)
                .credential(Credential.bearer("tok")).build();

        DestinationResponse response = post(hook, "{\"id\":7}");

        assertThat(response.status()).isEqualTo(200);
        take(server);
        for (String path : new String[] {"/second", "/third"}) {
            RecordedRequest hop = take(server);
            assertThat(hop.getTarget()).isEqualTo(path);
            assertThat(hop.getMethod()).isEqualTo("POST");
            assertThat(body(hop)).isEqualTo("{\"id\":7}");
            assertThat(hop.getHeaders().get("Authorization")).isEqualTo("Bearer tok");
        }
    }

    @Test
    void optedInDestinationDoesNotFollowA302OfAPostButDoesOfAGet() throws Exception {
        server.enqueue(redirect(302, "/moved"));
        server.enqueue(redirect(301, "/moved"));
        server.enqueue(ok("{}"));
        ConsumedDestination hook = ConsumedDestination.builder("hook", url(server, "/")).followSameOriginRedirects(true).build();
        DestinationClient client = TestSupport.clientFor(hook);

        assertThat(client.send("hook", DestinationRequest.builder().json("{}").build()).status()).isEqualTo(302);
        assertThat(client.send("hook", DestinationRequest.builder().method("GET").build()).status()).isEqualTo(200);
        take(server);
        take(server);
        assertThat(take(server).getMethod()).isEqualTo("GET");
    }

    @Test
    void optedInDestinationNeverFollowsToAnotherOrigin() throws Exception {
        elsewhere.start();
        server.enqueue(redirect(307, url(elsewhere, "/")));
        ConsumedDestination hook = ConsumedDestination.builder("hook", url(server, "/")).followSameOriginRedirects(true).build();

        assertThat(post(hook, "{}").status()).isEqualTo(307);
        assertThat(elsewhere.getRequestCount()).isZero();
    }

    @Test
    void redirectLoopEndsWithTheLastRedirectAsTheAnswer() {
        for (int i = 0; i < 10; i++) {
            server.enqueue(redirect(307, "/loop"));
        }
        ConsumedDestination hook = ConsumedDestination.builder("hook", url(server, "/")).followSameOriginRedirects(true).build();

        assertThat(post(hook, "{}").status()).isEqualTo(307);
        assertThat(server.getRequestCount()).isEqualTo(6);
    }

    @Test
    void destinationFileReadsTheOptIn() {
        DestinationRegistry registry = DestinationRegistry.fromJson("{\"destinations\":[{\"id\":\"a\",\"url\":\"https://a.example.com/\","
                + "\"followSameOriginRedirects\":true},{\"id\":\"b\",\"url\":\"https://b.example.com/\"}]}",
                SecretResolver.withEnvironment(Map.of()));

        assertThat(registry.require("a").followSameOriginRedirects()).isTrue();
        assertThat(registry.require("b").followSameOriginRedirects()).isFalse();
    }
}
