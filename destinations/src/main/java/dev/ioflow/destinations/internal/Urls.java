package dev.ioflow.destinations.internal;

import java.net.InetAddress;
import java.util.Locale;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/** URL rules shared by destinations and credentials: parsing, the HTTPS rule and redaction for messages. */
public final class Urls {

    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private Urls() {
    }

    /** Parses an absolute http or https URL without user info; null when it is not one. */
    public static HttpUrl parseHttp(String url) {
        if (url == null) {
            return null;
        }
        HttpUrl parsed = HttpUrl.parse(url.strip());
        if (parsed == null || !parsed.username().isEmpty() || !parsed.password().isEmpty()) {
            return null;
        }
        return parsed;
    }

    /** Whether the URL may be used: HTTPS, or a loopback host, or insecure HTTP explicitly allowed. */
    public static boolean isSecureOrAllowed(HttpUrl url, boolean allowInsecureHttp) {
        return url.isHttps() || allowInsecureHttp || isLoopback(url.host());
    }

    /** Whether both URLs have the same origin: scheme, host and port. */
    public static boolean sameOrigin(HttpUrl a, HttpUrl b) {
        return a.port() == b.port() && a.scheme().equals(b.scheme()) && a.host().equals(b.host());
    }

    /** Whether the host is {@code localhost}, in 127.0.0.0/8 or {@code ::1}; never does a DNS lookup. */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (!isIpLiteral(h)) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static boolean isIpLiteral(String host) {
        return host.contains(":") || IPV4_LITERAL.matcher(host).matches();
    }

    /**
     * A URL fit for messages and logs: scheme, host, port and path, without user info, query or fragment
     * (where API keys tend to hide).
     */
    public static String redact(String url) {
        if (url == null) {
            return "null";
        }
        HttpUrl parsed = HttpUrl.parse(url.strip());
        if (parsed != null) {
            return redact(parsed);
        }
        String s = url.strip();
        int cut = indexOfAny(s, "?#");
        if (cut >= 0) {
            s = s.substring(0, cut) + "?…";
        }
        int at = s.lastIndexOf('@');
        int schemeEnd = s.indexOf("://");
        if (at >= 0) {
            s = (schemeEnd >= 0 && schemeEnd < at ? s.substring(0, schemeEnd + 3) : "") + "****@" + s.substring(at + 1);
        }
        return s;
    }

    /** See {@link #redact(String)}. */
    public static String redact(HttpUrl url) {
        String base = url.newBuilder().username("").password("").query(null).fragment(null).build().toString();
        return url.query() == null ? base : base + "?…";
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
