package dev.ioflow.destinations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** Small helpers shared by the tests: responses, taking requests with a timeout, a closed port. */
final class TestSupport {

    private TestSupport() {
    }

    static MockResponse ok(String body) {
        return new MockResponse.Builder().code(200).body(body).build();
    }

    static MockResponse status(int code) {
        return new MockResponse.Builder().code(code).build();
    }

    static MockResponse token(String accessToken, long expiresIn) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body("{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + "}")
                .build();
    }

    static RecordedRequest take(MockWebServer server) throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("no request reached " + server);
        }
        return request;
    }

    static String body(RecordedRequest request) {
        return request.getBody() == null ? "" : request.getBody().string(StandardCharsets.UTF_8);
    }

    /**
     * Reads a recorded request as the official CloudEvents SDK does (HTTP binary mode): what a CloudEvents
     * receiver would see. Fails when the SDK cannot read it.
     */
    static io.cloudevents.CloudEvent cloudEventOf(RecordedRequest request) {
        byte[] body = request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
        return io.cloudevents.http.HttpMessageFactory.createReaderFromMultimap(request.getHeaders().toMultimap(), body).toEvent();
    }

    static String url(MockWebServer server, String path) {
        return server.url(path).toString();
    }

    /** A local port nothing listens on: bound, then released. */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DestinationClient clientFor(ConsumedDestination... destinations) {
        DestinationRegistry.Builder registry = DestinationRegistry.builder();
        for (ConsumedDestination d : destinations) {
            registry.add(d);
        }
        return DestinationClient.builder().registry(registry.build()).build();
    }

    static DestinationRequest postJson(String json) {
        return DestinationRequest.builder().json(json).build();
    }
}
