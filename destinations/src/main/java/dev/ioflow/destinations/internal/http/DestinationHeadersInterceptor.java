package dev.ioflow.destinations.internal.http;

import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds what every call to a destination carries: {@code X-Message-Id} (generated when the request has none),
 * {@code Accept: application/json} and the destination's extra headers; a header the request already has wins.
 */
final class DestinationHeadersInterceptor implements Interceptor {
    static final String MESSAGE_ID = "X-Message-Id";
    static final String ACCEPT = "Accept";
    static final String JSON = "application/json";

    private final Map<String, String> headers;
    private final Supplier<String> messageIds;

    DestinationHeadersInterceptor(Map<String, String> headers, Supplier<String> messageIds) {
        this.headers = headers;
        this.messageIds = messageIds;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        // Requests sent through DestinationClient.send arrive complete; copying their headers would be waste.
        return chain.proceed(isComplete(request) ? request : completed(request));
    }

    private boolean isComplete(Request request) {
        if (request.header(MESSAGE_ID) == null || request.header(ACCEPT) == null) {
            return false;
        }
        for (String name : headers.keySet()) {
            if (request.header(name) == null) {
                return false;
            }
        }
        return true;
    }

    private Request completed(Request request) {
        Request.Builder builder = request.newBuilder();
        if (request.header(MESSAGE_ID) == null) {
            builder.header(MESSAGE_ID, messageIds.get());
        }
        if (request.header(ACCEPT) == null) {
            builder.header(ACCEPT, JSON);
        }
        headers.forEach((name, value) -> {
            if (request.header(name) == null) {
                builder.header(name, value);
            }
        });
        return builder.build();
    }
}
