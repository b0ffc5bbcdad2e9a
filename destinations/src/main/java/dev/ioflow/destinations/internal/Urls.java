package dev.ioflow.destinations.internal;

import java.net.InetAddress;
import java.util.Locale;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/** URL rules shared by destinations and credentials: parsing, the HTTPS rule and the one
 * redaction used wherever a URL is printed ({@link #redacted(String)}). */
public final class Urls {

    private static final String NOT_A_URL = "(not an http(s) URL)";
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
     * A URL fit for messages, logs, {@code toString()} and monitoring: scheme, host and port only, with
     * {@code /…} standing for any path, query or fragment. Webhook URLs carry their secret in the path
     * ({@code https://hooks.example.com/services/T000/B000/SECRET}), API keys hide in queries, so neither is
     * ever shown: {@code https://hooks.example.com/…}. Text that is not an http(s) URL is not echoed at all
     * (it may be a secret that ended up in a URL field): it shows as {@code (not an http(s) URL)}.
     */
    public static String redacted(@Nullable String url) {
        if (url == null) {
            return "null";
        }
        HttpUrl parsed = HttpUrl.parse(url.strip());
        return parsed == null ? NOT_A_URL : redacted(parsed);
    }

    /** See {@link #redacted(String)}. */
    public static String redacted(HttpUrl url) {
        StringBuilder out = new StringBuilder(url.scheme()).append("://");
        String host = url.host();
        out.append(host.contains(":") ? "[" + host + "]" : host);
        if (url.port() != HttpUrl.defaultPort(url.scheme())) {
            out.append(':').append(url.port());
        }
        boolean bare = url.encodedPath().equals("/") && url.encodedQuery() == null && url.encodedFragment() == null;
        return out.append(bare ? "/" : "/…").toString();
    }

}
