package dev.ioflow.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The integration platform's side of the inbound example: the calls SAP Cloud Integration's OData V2 receiver
 * adapter makes to an {@code odata2webservices} service (JSON, Basic authentication, {@code $batch} with one change
 * set), over the JDK's HTTP client.
 *
 * <pre>{@code
 * IntegrationPlatform cpi = new IntegrationPlatform(server.url("InboundCustomer"), "cpi", "secret");
 * HttpResponse<String> created = cpi.post("Customers", "{\"customerID\":\"c1\"}");
 * }</pre>
 *
 * @since 0.1
 */
final class IntegrationPlatform {
    private static final Pattern PART_STATUS = Pattern.compile("HTTP/1\\.1 (\\d{3})");
    private static final String JSON = "application/json";
    private final HttpClient client = HttpClient.newHttpClient();
    private final URI service;
    private final String authorization;

    /**
     * A client of one service.
     *
     * @param service  the service root, e.g. {@code http://127.0.0.1:9002/odata2webservices/InboundCustomer/}
     * @param user     the technical user
     * @param password its password
     */
    IntegrationPlatform(URI service, String user, String password) {
        this.service = service;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code POST <entitySet>} with one entity as JSON: SAP's upsert. */
    HttpResponse<String> post(String entitySet, String json) {
        return send(request(entitySet).header("Content-Type", JSON).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** {@code POST $batch} with one change set that POSTs each entity to {@code entitySet}: all or nothing. */
    HttpResponse<String> batch(String entitySet, List<String> jsonEntities) {
        StringBuilder body = new StringBuilder("--batch_1\r\nContent-Type: multipart/mixed; boundary=changeset_1\r\n\r\n");
        int id = 0;
        for (String json : jsonEntities) {
            body.append("--changeset_1\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n")
                    .append("Content-ID: ").append(++id).append("\r\n\r\n")
                    .append("POST ").append(entitySet).append(" HTTP/1.1\r\nContent-Type: ").append(JSON)
                    .append("\r\nAccept: ").append(JSON).append("\r\n\r\n").append(json).append("\r\n");
        }
        body.append("--changeset_1--\r\n--batch_1--\r\n");
        return send(request("$batch").header("Content-Type", "multipart/mixed; boundary=batch_1")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** {@code GET <pathAndQuery>} (query option values must be URL-encoded). */
    HttpResponse<String> get(String pathAndQuery) {
        return send(request(pathAndQuery).GET());
    }

    /** {@code DELETE <path>}, e.g. {@code Customers('c5')}. */
    HttpResponse<String> delete(String path) {
        return send(request(path).DELETE());
    }

    /** The statuses of the operations in a {@code $batch} response, in order. */
    static List<Integer> partStatuses(HttpResponse<String> batchResponse) {
        Matcher m = PART_STATUS.matcher(batchResponse.body());
        List<Integer> statuses = new java.util.ArrayList<>();
        while (m.find()) {
            statuses.add(Integer.parseInt(m.group(1)));
        }
        return statuses;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(service.resolve(path)).header("Authorization", authorization).header("Accept", JSON);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("the inbound service could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling the inbound service", e);
        }
    }
}
