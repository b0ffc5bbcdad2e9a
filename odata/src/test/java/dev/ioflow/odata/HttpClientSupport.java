package dev.ioflow.odata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A small java.net.http client for tests against a real {@link InboundServer} on 127.0.0.1. */
final class HttpClientSupport {
    private final HttpClient client = HttpClient.newHttpClient();
    private final URI root;
    private String authorization = basic(Fixtures.ADMIN, Fixtures.PASSWORD);

    HttpClientSupport(URI root) {
        this.root = root;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    HttpClientSupport as(String user, String password) {
        HttpClientSupport other = new HttpClientSupport(root);
        other.authorization = basic(user, password);
        return other;
    }

    HttpClientSupport anonymous() {
        HttpClientSupport other = new HttpClientSupport(root);
        other.authorization = null;
        return other;
    }

    HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(root.resolve(path)).GET(), headers);
    }

    HttpResponse<String> json(String method, String path, String body, String... headers) {
        String[] all = new String[headers.length + 4];
        all[0] = "Content-Type";
        all[1] = "application/json";
        all[2] = "Accept";
        all[3] = "application/json";
        System.arraycopy(headers, 0, all, 4, headers.length);
        return send(HttpRequest.newBuilder(root.resolve(path)).method(method, HttpRequest.BodyPublishers.ofString(body)), all);
    }

    HttpResponse<String> send(String method, String path, String body, String... headers) {
        return send(HttpRequest.newBuilder(root.resolve(path)).method(method, HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
