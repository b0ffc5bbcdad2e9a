package dev.ioflow.emarsys.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.ioflow.emarsys.EmarsysAuthException;
import dev.ioflow.emarsys.EmarsysException;
import dev.ioflow.emarsys.EmarsysRateLimitException;
import dev.ioflow.emarsys.EmarsysServerException;
import dev.ioflow.emarsys.EmarsysValidationException;
import dev.ioflow.emarsys.RateLimitStatus;
import java.io.IOException;
import java.time.Instant;
import okhttp3.Headers;

/**
 * One Emarsys answer read into its envelope. {@link #read} throws the typed exception for a failed call; what it
 * returns succeeded as a whole (per-contact errors are still inside {@link #data()}).
 *
 * @param httpStatus the HTTP status
 * @param replyCode  {@code replyCode}, 0 when absent
 * @param replyText  {@code replyText}, or empty
 * @param data       {@code data}, or a missing node
 * @param rateLimit  the rate-limit headers
 */
public record EmarsysReply(int httpStatus, int replyCode, String replyText, JsonNode data,
                           RateLimitStatus rateLimit) {

    private static final int MAX_TEXT = 300;

    /**
     * Reads an answer.
     *
     * @param call a description of the call for messages, e.g. {@code PUT contact/?create_if_not_exists=1}
     * @throws EmarsysException the typed exception when the call failed as a whole
     */
    public static EmarsysReply read(ObjectMapper mapper, String call, int status, Headers headers, byte[] body) {
        RateLimitStatus rateLimit = rateLimit(headers);
        JsonNode root = parse(mapper, body);
        if (root == null || !root.isObject()) {
            String text = cap(new String(body, java.nio.charset.StandardCharsets.UTF_8));
            if (status >= 200 && status < 300) {
                throw new EmarsysServerException("Emarsys " + call + " answered HTTP " + status
                        + " without a reply envelope: " + text, status, 0, text, null);
            }
            throw failure(call, status, 0, text, rateLimit);
        }
        int replyCode = root.path("replyCode").asInt(0);
        String replyText = cap(root.path("replyText").asText(""));
        EmarsysReply reply = new EmarsysReply(status, replyCode, replyText, root.path("data"), rateLimit);
        boolean ok = status >= 200 && status < 300 && (replyCode == 0 || hasContactErrors(reply.data));
        if (!ok) {
            throw failure(call, status, replyCode, replyText, rateLimit);
        }
        return reply;
    }

    /** The typed exception for a failed call. */
    static EmarsysException failure(String call, int status, int replyCode, String replyText,
                                    RateLimitStatus rateLimit) {
        String message = "Emarsys " + call + " failed: HTTP " + status + ", replyCode " + replyCode + " \""
                + replyText + "\"";
        if (status == 429 || replyCode == 7003) {
            return new EmarsysRateLimitException(message + " (rate limit resets at " + rateLimit.resetAt() + ")",
                    status, replyCode, replyText, rateLimit.resetAt());
        }
        if (status == 401 || status == 403 || replyCode == 1) {
            return new EmarsysAuthException(message, status, replyCode, replyText);
        }
        if (status >= 500 || replyCode == 2011) {
            return new EmarsysServerException(message, status, replyCode, replyText, null);
        }
        return new EmarsysValidationException(message, status, replyCode, replyText);
    }

    /** The rate-limit headers; header names are case-insensitive, malformed values count as absent. */
    public static RateLimitStatus rateLimit(Headers headers) {
        Integer limit = integer(headers.get("X-RateLimit-Limit"));
        Integer remaining = integer(headers.get("X-RateLimit-Remaining"));
        Integer reset = integer(headers.get("X-RateLimit-Reset"));
        if (limit == null && remaining == null && reset == null) {
            return RateLimitStatus.UNKNOWN;
        }
        return new RateLimitStatus(limit, remaining, reset == null ? null : Instant.ofEpochSecond(reset));
    }

    private static boolean hasContactErrors(JsonNode data) {
        JsonNode errors = data.path("errors");
        return errors.isContainerNode() && !errors.isEmpty();
    }

    private static JsonNode parse(ObjectMapper mapper, byte[] body) {
        if (body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static Integer integer(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String cap(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }
}
