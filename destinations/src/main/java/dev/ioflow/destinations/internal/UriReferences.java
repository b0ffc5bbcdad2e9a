package dev.ioflow.destinations.internal;

import java.net.URI;
import java.net.URISyntaxException;
import org.jspecify.annotations.Nullable;

/** Checks URI-references (RFC 3986, section 4.1), as CloudEvents requires of {@code source}. */
public final class UriReferences {
    private static final String ALLOWED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
            + "-._~" + "!$&'()*+,;=" + ":@/?#[]" + "%";

    private UriReferences() {
    }

    /** Null when {@code text} is a non-empty URI-reference; otherwise what is wrong with it. */
    public static @Nullable String problem(String text) {
        if (text.isEmpty()) {
            return "it is empty";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (ALLOWED.indexOf(c) < 0) {
                return "character " + describe(c) + " at index " + i + " is not allowed (percent-encode it)";
            }
            if (c == '%' && !(i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2)))) {
                return "'%' at index " + i + " is not followed by two hex digits";
            }
        }
        try {
            new URI(text);
            return null;
        } catch (URISyntaxException e) {
            return e.getReason() + (e.getIndex() >= 0 ? " at index " + e.getIndex() : "");
        }
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0 && c < 128;
    }

    private static String describe(char c) {
        return c < 0x20 || c >= 0x7f ? String.format("U+%04X", (int) c) : "'" + c + "'";
    }
}
