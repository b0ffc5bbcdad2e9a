package dev.ioflow.testing;

import java.util.Objects;

/**
 * One API call the {@link EmarsysStandIn} received (token requests are counted separately), as the stand-in saw
 * it and answered it.
 *
 * @param method     the HTTP method, e.g. {@code PUT}
 * @param path       the path and query, e.g. {@code /api/v2/contact/?create_if_not_exists=1}
 * @param authScheme how the call authenticated: {@code WSSE}, {@code Bearer}, or {@code none}
 * @param body       the request body as text ({@code ""} when there was none)
 * @param status     the HTTP status the stand-in answered
 * @since 0.1
 */
public record StandInRequest(String method, String path, String authScheme, String body, int status) {

    /** All components are required. */
    public StandInRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(authScheme, "authScheme");
        Objects.requireNonNull(body, "body");
    }

    /** The path without the {@code /api/vN/} prefix and the query, e.g. {@code contact/delete}. */
    public String endpoint() {
        String withoutQuery = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        String endpoint = withoutQuery.replaceFirst("^/api/v\\d+/", "");
        return endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
    }
}
