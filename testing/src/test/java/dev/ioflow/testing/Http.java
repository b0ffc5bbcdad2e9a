package dev.ioflow.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A tiny HTTP client for the stand-in's tests: one call, status, headers and JSON body back. */
final class Http {
    private static final MediaType JSON = MediaType.get("application/json");
    private final OkHttpClient client = new OkHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();

    record Reply(int status, Headers headers, JsonNode json) {
    }

    Reply call(String method, String url, String body, String... headerPairs) {
        Request.Builder request = new Request.Builder().url(url)
                .method(method, body == null ? null : RequestBody.create(body, JSON));
        for (int i = 0; i < headerPairs.length; i += 2) {
            request.header(headerPairs[i], headerPairs[i + 1]);
        }
        try (Response response = client.newCall(request.build()).execute()) {
            return new Reply(response.code(), response.headers(), mapper.readTree(response.body().string()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Reply form(String url, String form, String authorization) {
        Request request = new Request.Builder().url(url).header("Authorization", authorization)
                .post(RequestBody.create(form, MediaType.get("application/x-www-form-urlencoded"))).build();
        try (Response response = client.newCall(request).execute()) {
            return new Reply(response.code(), response.headers(), mapper.readTree(response.body().string()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
