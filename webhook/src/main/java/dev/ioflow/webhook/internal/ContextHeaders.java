package dev.ioflow.webhook.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The context headers a change carries ({@link dev.ioflow.webhook.spi.ChangeContext}): checked copies, and their
 * one-column text form in the JDBC outbox ({@code name: value} lines; values cannot hold line breaks).
 */
public final class ContextHeaders {
    private ContextHeaders() {
    }

    /**
     * An unmodifiable copy, in the given order.
     *
     * @param owner names the holder in error messages
     * @throws IllegalArgumentException naming the header when a name is not an HTTP token or a value is not
     *                                  single-line visible ASCII
     */
    public static Map<String, String> copyOf(@Nullable Map<String, String> headers, String owner) {
        if (headers == null || headers.isEmpty()) {
            return Map.of();
        }
        Map<String, String> copy = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            if (name == null || name.isEmpty() || !name.chars().allMatch(ContextHeaders::isTokenChar)) {
                throw new IllegalArgumentException(owner + " context header name '" + name
                        + "' is not a valid HTTP header name");
            }
            if (value == null || !value.chars().allMatch(c -> c == '\t' || c >= 0x20 && c < 0x7f)) {
                throw new IllegalArgumentException(owner + " context header '" + name
                        + "' has a null value or one with control or non-ASCII characters");
            }
            copy.put(name, value);
        });
        return Collections.unmodifiableMap(copy);
    }

    /** The headers as {@code name: value} lines, or null for none (the column stays NULL). */
    public static @Nullable String encode(Map<String, String> headers) {
        if (headers.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        headers.forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
        return text.toString();
    }

    /** The headers of {@link #encode}'s text (null: none). */
    public static Map<String, String> decode(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return Map.of();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                headers.put(line.substring(0, colon), line.substring(colon + 2));
            }
        }
        return Collections.unmodifiableMap(headers);
    }

    private static boolean isTokenChar(int c) {
        return c > 0x20 && c < 0x7f && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
    }
}
