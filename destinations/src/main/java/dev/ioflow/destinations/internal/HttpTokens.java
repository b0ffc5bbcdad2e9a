package dev.ioflow.destinations.internal;

/**
 * Checks header names and values before OkHttp sees them: OkHttp's own errors quote the value, which may be a
 * secret, so ours name the header only.
 */
public final class HttpTokens {
    private static final String SEPARATORS = "()<>@,;:\\\"/[]?={} \t";

    private HttpTokens() {
    }

    /** Whether {@code name} is an RFC 9110 token (a valid header name). */
    public static boolean isToken(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= 0x20 || c >= 0x7f || SEPARATORS.indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code value} may be sent as a header value: tab and printable ASCII only, exactly what OkHttp
     * accepts (it rejects anything else with a message that quotes the value).
     */
    public static boolean isValidValue(String value) {
        if (value == null) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\t' && (c < 0x20 || c > 0x7e)) {
                return false;
            }
        }
        return true;
    }
}
