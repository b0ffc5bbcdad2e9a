package dev.ioflow.destinations.internal.config;

import dev.ioflow.destinations.ConsumedDestination;
import dev.ioflow.destinations.Credential;
import dev.ioflow.destinations.DestinationException;
import dev.ioflow.destinations.OAuth2ClientCredentials;
import dev.ioflow.destinations.internal.DestinationRules;
import dev.ioflow.destinations.internal.DestinationRules.Problem;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns a validated {@link DestinationEntry} into a {@link ConsumedDestination}, adding the problems it finds.
 * Values that came from references are shown as their reference ({@link ReferenceResolver.Resolved}).
 */
final class EntryMapper {

    /** The destination, or null when the entry has problems (added to {@code problems}, relative to the entry). */
    @Nullable ConsumedDestination toDestination(DestinationEntry entry, ReferenceResolver.Resolved resolved,
                                                List<String> problems) {
        DestinationRules.Shown shown = resolved::show;
        List<Problem> found = new ArrayList<>();
        TimeoutsEntry timeouts = entry.timeouts() == null ? new TimeoutsEntry(null, null, null) : entry.timeouts();
        Duration connect = duration("timeouts.connect", timeouts.connect(), ConsumedDestination.DEFAULT_CONNECT_TIMEOUT, shown, found);
        Duration read = duration("timeouts.read", timeouts.read(), ConsumedDestination.DEFAULT_READ_TIMEOUT, shown, found);
        Duration call = duration("timeouts.call", timeouts.call(), ConsumedDestination.DEFAULT_CALL_TIMEOUT, shown, found);
        boolean allowInsecureHttp = Boolean.TRUE.equals(entry.allowInsecureHttp());
        Credential credential = credential(entry.credential(), allowInsecureHttp, shown, found);
        if (credential != null && connect != null && read != null && call != null) {
            found.addAll(DestinationRules.problems(new DestinationRules.Settings(entry.id(), entry.url(), credential,
                    orEmpty(entry.headers()), allowInsecureHttp, connect, read, call, entry.csrfUrl()), shown));
        }
        if (!found.isEmpty()) {
            found.forEach(p -> problems.add(p.field() + ": " + resolved.scrub(p.message())));
            return null;
        }
        return ConsumedDestination.builder(entry.id(), entry.url())
                .credential(credential)
                .headers(orEmpty(entry.headers()))
                .additionalProperties(orEmpty(entry.additionalProperties()))
                .connectTimeout(connect)
                .readTimeout(read)
                .callTimeout(call)
                .active(entry.active() == null || entry.active())
                .allowInsecureHttp(allowInsecureHttp)
                .cloudEvents(Boolean.TRUE.equals(entry.cloudEvents()))
                .csrfUrl(entry.csrfUrl())
                .followSameOriginRedirects(Boolean.TRUE.equals(entry.followSameOriginRedirects()))
                .build();
    }

    /** The credential, or null with a problem when its values are rejected (messages never hold the secret). */
    private static @Nullable Credential credential(@Nullable CredentialEntry entry, boolean allowInsecureHttp,
                                                   DestinationRules.Shown shown, List<Problem> problems) {
        try {
            if (entry == null || entry instanceof CredentialEntry.None) {
                return Credential.none();
            }
            if (entry instanceof CredentialEntry.Basic basic) {
                return Credential.basic(basic.username(), basic.password());
            }
            if (entry instanceof CredentialEntry.Bearer bearer) {
                return Credential.bearer(bearer.token());
            }
            if (entry instanceof CredentialEntry.ApiKey apiKey) {
                return Credential.apiKey(apiKey.headerName(), apiKey.key());
            }
            if (entry instanceof CredentialEntry.ClientCertificate certificate) {
                return clientCertificate(certificate, problems);
            }
            CredentialEntry.OAuth2 oauth = (CredentialEntry.OAuth2) entry;
            // Checked before the credential is built: its own message would quote the URL, maybe a resolved secret.
            if (DestinationRules.checkUrl("credential.tokenUrl", oauth.tokenUrl(), allowInsecureHttp, shown, problems) == null) {
                return null;
            }
            Duration skew = duration("credential.refreshSkew", oauth.refreshSkew(), OAuth2ClientCredentials.DEFAULT_REFRESH_SKEW,
                    shown, problems);
            if (skew == null) {
                return null;
            }
            return Credential.oauth2ClientCredentials(oauth.tokenUrl(), oauth.clientId(), oauth.clientSecret())
                    .scope(oauth.scope())
                    .refreshSkew(skew)
                    .clientAuthentication(oauth.clientAuthentication() == null
                            ? OAuth2ClientCredentials.ClientAuthentication.BASIC
                            : OAuth2ClientCredentials.ClientAuthentication.valueOf(oauth.clientAuthentication()))
                    .build();
        } catch (IllegalArgumentException | DestinationException e) {
            problems.add(new Problem("credential", String.valueOf(e.getMessage())));
            return null;
        }
    }

    private static @Nullable Credential clientCertificate(CredentialEntry.ClientCertificate c, List<Problem> problems) {
        boolean pkcs12 = c.keyStore() != null || c.keyStorePassword() != null;
        boolean pem = c.certificate() != null || c.privateKey() != null;
        if (pkcs12 == pem) {
            problems.add(new Problem("credential", "a clientCertificate credential has either keyStore and keyStorePassword"
                    + " (PKCS#12) or certificate and privateKey (PEM files)"));
            return null;
        }
        List<Problem> missing = new ArrayList<>();
        if (pkcs12) {
            requirePath("credential.keyStore", c.keyStore(), missing);
            if (c.keyStorePassword() == null) {
                missing.add(new Problem("credential.keyStorePassword", "must not be null"));
            }
        } else {
            requirePath("credential.certificate", c.certificate(), missing);
            requirePath("credential.privateKey", c.privateKey(), missing);
        }
        if (!missing.isEmpty()) {
            problems.addAll(missing);
            return null;
        }
        return pkcs12 ? Credential.clientCertificatePkcs12(Path.of(c.keyStore()), c.keyStorePassword())
                : Credential.clientCertificatePem(Path.of(c.certificate()), Path.of(c.privateKey()));
    }

    private static void requirePath(String field, @Nullable String path, List<Problem> problems) {
        if (path == null || path.isBlank()) {
            problems.add(new Problem(field, "must not be blank"));
            return;
        }
        try {
            Path.of(path);
        } catch (InvalidPathException e) {
            problems.add(new Problem(field, "is not a valid file path"));
        }
    }

    /** The duration, checked against the timeout bounds; null (with a problem) when it cannot be used. */
    private static @Nullable Duration duration(String field, @Nullable String iso, Duration fallback,
                                               DestinationRules.Shown shown, List<Problem> problems) {
        if (iso == null) {
            return fallback;
        }
        try {
            return Duration.parse(iso);
        } catch (DateTimeParseException | ArithmeticException e) {
            // The pattern was checked already: only numbers beyond Duration's range get here.
            String rule = field.startsWith("timeouts.") ? "must be at most " + ConsumedDestination.MAX_TIMEOUT : "is too large";
            problems.add(new Problem(field, rule + ", was " + shown.show(field, iso)));
            return null;
        }
    }

    private static Map<String, String> orEmpty(@Nullable Map<String, String> map) {
        return map == null ? Map.of() : map;
    }
}
