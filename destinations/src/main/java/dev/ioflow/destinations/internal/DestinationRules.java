package dev.ioflow.destinations.internal;

import dev.ioflow.destinations.Credential;
import dev.ioflow.destinations.DestinationConfigException;
import dev.ioflow.destinations.OAuth2ClientCredentials;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;

/** The checks a {@code ConsumedDestination} passes when built; every problem is reported at once. */
public final class DestinationRules {

    private DestinationRules() {
    }

    /** A problem with one field of a destination; fields are named as in a destination file. */
    public record Problem(String field, String message) {
    }

    /** Throws a {@link DestinationConfigException} listing every problem, if any. */
    public static void check(String id, String url, Credential credential, Map<String, String> headers,
                             boolean allowInsecureHttp, Duration connectTimeout, Duration readTimeout, Duration callTimeout) {
        List<Problem> problems = problems(id, url, credential, headers, allowInsecureHttp, connectTimeout, readTimeout,
                callTimeout);
        if (!problems.isEmpty()) {
            String where = id == null || id.isBlank() ? "destination " : "destination '" + id + "' ";
            throw new DestinationConfigException(problems.stream().map(p -> where + p.field() + ": " + p.message()).toList());
        }
    }

    /** Every problem of a destination's values, in field order. */
    public static List<Problem> problems(String id, String url, Credential credential, Map<String, String> headers,
                                         boolean allowInsecureHttp, Duration connectTimeout, Duration readTimeout,
                                         Duration callTimeout) {
        List<Problem> problems = new ArrayList<>();
        if (id == null || id.isBlank()) {
            problems.add(new Problem("id", "must not be blank"));
        }
        checkUrl("url", url, allowInsecureHttp, problems);
        if (credential instanceof OAuth2ClientCredentials oauth) {
            checkUrl("credential.tokenUrl", oauth.tokenUrl(), allowInsecureHttp, problems);
        }
        headers.forEach((name, value) -> {
            if (!HttpTokens.isToken(name)) {
                problems.add(new Problem("headers", "'" + name + "' is not a valid HTTP header name"));
            } else if (!HttpTokens.isValidValue(value)) {
                problems.add(new Problem("headers." + name, "value contains control or non-ASCII characters"));
            }
        });
        checkPositive("timeouts.connect", connectTimeout, problems);
        checkPositive("timeouts.read", readTimeout, problems);
        checkPositive("timeouts.call", callTimeout, problems);
        return problems;
    }

    private static void checkUrl(String field, String url, boolean allowInsecureHttp, List<Problem> problems) {
        if (url == null || url.isBlank()) {
            problems.add(new Problem(field, "must not be blank"));
            return;
        }
        HttpUrl parsed = Urls.parseHttp(url);
        if (parsed == null) {
            problems.add(new Problem(field, "'" + Urls.redact(url) + "' is not an absolute http or https URL without user info"));
        } else if (!Urls.isSecureOrAllowed(parsed, allowInsecureHttp)) {
            problems.add(new Problem(field, "'" + Urls.redact(parsed) + "' uses plain HTTP to a non-loopback host;"
                    + " use https or set allowInsecureHttp"));
        }
    }

    private static void checkPositive(String field, Duration d, List<Problem> problems) {
        if (d.isNegative() || d.isZero()) {
            problems.add(new Problem(field, "must be positive, was " + d));
        }
    }
}
