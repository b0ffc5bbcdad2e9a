package dev.ioflow.destinations.internal.config;

import dev.ioflow.destinations.ConsumedDestination;
import dev.ioflow.destinations.Credential;
import dev.ioflow.destinations.OAuth2ClientCredentials;
import dev.ioflow.destinations.internal.DestinationRules;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Turns a validated {@link DestinationEntry} into a {@link ConsumedDestination}, adding the problems it finds. */
final class EntryMapper {

    /** The destination, or null when the entry has problems (added to {@code problems}, relative to the entry). */
    ConsumedDestination toDestination(DestinationEntry entry, List<String> problems) {
        Credential credential = credential(entry.credential(), problems);
        if (credential == null) {
            return null;
        }
        Map<String, String> headers = orEmpty(entry.headers());
        TimeoutsEntry timeouts = entry.timeouts() == null ? new TimeoutsEntry(null, null, null) : entry.timeouts();
        Duration connect = duration(timeouts.connect(), ConsumedDestination.DEFAULT_CONNECT_TIMEOUT);
        Duration read = duration(timeouts.read(), ConsumedDestination.DEFAULT_READ_TIMEOUT);
        Duration call = duration(timeouts.call(), ConsumedDestination.DEFAULT_CALL_TIMEOUT);
        boolean allowInsecureHttp = Boolean.TRUE.equals(entry.allowInsecureHttp());
        List<DestinationRules.Problem> ruleProblems = DestinationRules.problems(entry.id(), entry.url(), credential, headers,
                allowInsecureHttp, connect, read, call);
        if (!ruleProblems.isEmpty()) {
            ruleProblems.forEach(p -> problems.add(p.field() + ": " + p.message()));
            return null;
        }
        return ConsumedDestination.builder(entry.id(), entry.url())
                .credential(credential)
                .headers(headers)
                .additionalProperties(orEmpty(entry.additionalProperties()))
                .connectTimeout(connect)
                .readTimeout(read)
                .callTimeout(call)
                .active(entry.active() == null || entry.active())
                .allowInsecureHttp(allowInsecureHttp)
                .cloudEvents(Boolean.TRUE.equals(entry.cloudEvents()))
                .build();
    }

    /** The credential, or null with a problem when its values are rejected (messages never hold the secret). */
    private static Credential credential(CredentialEntry entry, List<String> problems) {
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
            CredentialEntry.OAuth2 oauth = (CredentialEntry.OAuth2) entry;
            return Credential.oauth2ClientCredentials(oauth.tokenUrl(), oauth.clientId(), oauth.clientSecret())
                    .scope(oauth.scope())
                    .refreshSkew(duration(oauth.refreshSkew(), OAuth2ClientCredentials.DEFAULT_REFRESH_SKEW))
                    .clientAuthentication(oauth.clientAuthentication() == null
                            ? OAuth2ClientCredentials.ClientAuthentication.BASIC
                            : OAuth2ClientCredentials.ClientAuthentication.valueOf(oauth.clientAuthentication()))
                    .build();
        } catch (IllegalArgumentException e) {
            problems.add("credential: " + e.getMessage());
            return null;
        }
    }

    private static Duration duration(String iso, Duration fallback) {
        return iso == null ? fallback : Duration.parse(iso);
    }

    private static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }
}
