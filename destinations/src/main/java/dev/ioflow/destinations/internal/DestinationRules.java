package dev.ioflow.destinations.internal;

import dev.ioflow.destinations.ConsumedDestination;
import dev.ioflow.destinations.Credential;
import dev.ioflow.destinations.DestinationConfigException;
import dev.ioflow.destinations.OAuth2ClientCredentials;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/** The checks a {@code ConsumedDestination} passes when built; every problem is reported at once. */
public final class DestinationRules {
    private static final Duration MIN_TIMEOUT = Duration.ofMillis(1);

    private DestinationRules() {
    }

    /** A problem with one field of a destination; fields are named as in a destination file. */
    public record Problem(String field, String message) {
    }

    /** What a destination is checked on: the builder's values. */
    public record Settings(@Nullable String id, @Nullable String url, Credential credential, Map<String, String> headers,
                           boolean allowInsecureHttp, Duration connectTimeout, Duration readTimeout,
                           Duration callTimeout, @Nullable String csrfUrl) {
    }

    /**
     * How a checked value appears in a message. A destination file shows the reference a value came from
     * ({@code the value of ${env:CRM_URL}}) instead of the value, which may be a secret.
     */
    @FunctionalInterface
    public interface Shown {
        /** Values as themselves, quoted: for destinations built in code. */
        Shown QUOTED = (field, value) -> "'" + value + "'";

        /**
         * @param field the field, e.g. {@code timeouts.read}
         * @param value the value, already redacted where needed
         * @return the text that stands for the value in a message
         */
        String show(String field, String value);
    }

    /** Throws a {@link DestinationConfigException} listing every problem, if any. */
    public static void check(Settings settings) {
        List<Problem> problems = problems(settings, Shown.QUOTED);
        if (!problems.isEmpty()) {
            String id = settings.id();
            String where = id == null || id.isBlank() ? "destination " : "destination '" + id + "' ";
            throw new DestinationConfigException(problems.stream().map(p -> where + p.field() + ": " + p.message()).toList());
        }
    }

    /** Every problem of a destination's values, in field order. */
    public static List<Problem> problems(Settings s, Shown shown) {
        List<Problem> problems = new ArrayList<>();
        if (s.id() == null || s.id().isBlank()) {
            problems.add(new Problem("id", "must not be blank"));
        } else if (hasControlCharacter(s.id())) {
            // Ids go into log lines and messages, where a line break would forge a line.
            problems.add(new Problem("id", "must not contain control characters"));
        }
        HttpUrl url = checkUrl("url", s.url(), s.allowInsecureHttp(), shown, problems);
        if (s.credential() instanceof OAuth2ClientCredentials oauth) {
            checkUrl("credential.tokenUrl", oauth.tokenUrl(), s.allowInsecureHttp(), shown, problems);
        }
        if (s.csrfUrl() != null) {
            HttpUrl csrf = checkUrl("csrfUrl", s.csrfUrl(), s.allowInsecureHttp(), shown, problems);
            if (url != null && csrf != null && !Urls.sameOrigin(url, csrf)) {
                problems.add(new Problem("csrfUrl", shown.show("csrfUrl", Urls.redacted(csrf))
                        + " must have the origin (scheme, host and port) of the destination URL "
                        + Urls.redacted(url).replace("/…", "/") + ": the CSRF token and session cookie belong to it"));
            }
        }
        s.headers().forEach((name, value) -> {
            if (!HttpTokens.isToken(name)) {
                problems.add(new Problem("headers", "'" + name + "' is not a valid HTTP header name"));
            } else if (!HttpTokens.isValidValue(value)) {
                problems.add(new Problem("headers." + name, "value contains control or non-ASCII characters"));
            }
        });
        checkTimeout("timeouts.connect", s.connectTimeout(), shown, problems);
        checkTimeout("timeouts.read", s.readTimeout(), shown, problems);
        checkTimeout("timeouts.call", s.callTimeout(), shown, problems);
        return problems;
    }

    /** Checks one URL field; returns it parsed when it passed. */
    public static @Nullable HttpUrl checkUrl(String field, @Nullable String url, boolean allowInsecureHttp, Shown shown,
                                             List<Problem> problems) {
        if (url == null || url.isBlank()) {
            problems.add(new Problem(field, "must not be blank"));
            return null;
        }
        if (hasControlCharacter(url)) {
            problems.add(new Problem(field, "must not contain control characters (line breaks, tabs, ...)"));
            return null;
        }
        HttpUrl parsed = Urls.parseHttp(url);
        if (parsed == null) {
            // Not echoed: text that is not a URL may be a secret pasted into the wrong field.
            problems.add(new Problem(field, "is not an absolute http or https URL without user info"));
            return null;
        }
        if (!Urls.isSecureOrAllowed(parsed, allowInsecureHttp)) {
            problems.add(new Problem(field, shown.show(field, Urls.redacted(parsed))
                    + " uses plain HTTP to a non-loopback host; use https or set allowInsecureHttp"));
            return null;
        }
        return parsed;
    }

    private static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    /** Checks a timeout: at least 1 ms (OkHttp reads a shorter one as "no timeout") and at most {@link ConsumedDestination#MAX_TIMEOUT}. */
    public static void checkTimeout(String field, Duration d, Shown shown, List<Problem> problems) {
        if (d.isNegative() || d.isZero()) {
            problems.add(new Problem(field, "must be positive, was " + shown.show(field, d.toString())));
        } else if (d.compareTo(MIN_TIMEOUT) < 0) {
            problems.add(new Problem(field, "must be at least 1 ms, was " + shown.show(field, d.toString())));
        } else if (d.compareTo(ConsumedDestination.MAX_TIMEOUT) > 0) {
            problems.add(new Problem(field, "must be at most " + ConsumedDestination.MAX_TIMEOUT + ", was "
                    + shown.show(field, d.toString())));
        }
    }
}
