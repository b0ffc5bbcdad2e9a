package dev.ioflow.destinations.internal.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ioflow.destinations.CredentialException;
import dev.ioflow.destinations.OAuth2ClientCredentials;
import dev.ioflow.destinations.OAuth2ClientCredentials.ClientAuthentication;
import dev.ioflow.destinations.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches and caches the access token of an OAuth 2.0 client-credentials grant. Only one thread fetches at a
 * time; the others wait for its token, so eight concurrent callers cause one token request.
 */
final class OAuth2TokenSource {
    private static final Logger LOG = LoggerFactory.getLogger(OAuth2TokenSource.class);
    private static final int MAX_TOKEN_RESPONSE_BYTES = 64 * 1024;

    private record AccessToken(Secret value, Instant refreshAt) {
    }

    private final String destinationId;
    private final OAuth2ClientCredentials credential;
    private final HttpUrl tokenUrl;
    private final OkHttpClient client;
    private final Clock clock;
    private final ObjectMapper json;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile AccessToken current;
    /** Completed token requests; written under the lock. */
    private volatile long attempts;
    /** The failure of the latest token request, null when it succeeded; guarded by the lock. */
    private Exception lastFailure;

    OAuth2TokenSource(String destinationId, OAuth2ClientCredentials credential, OkHttpClient client, Clock clock,
                      ObjectMapper json) {
        this.destinationId = destinationId;
        this.credential = credential;
        this.tokenUrl = HttpUrl.get(credential.tokenUrl());
        this.client = client;
        this.clock = clock;
        this.json = json;
    }

    /** The cached token while it is fresh; otherwise a new one. */
    String token() throws IOException {
        AccessToken token = current;
        if (isFresh(token)) {
            return token.value().reveal();
        }
        long seen = attempts;
        lock.lock();
        try {
            token = current;
            if (!isFresh(token)) {
                token = fetchUnlessJustFailed(seen);
            }
            return token.value().reveal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * A token to retry with after {@code rejected} drew a 401: the cached one if another call has already
     * replaced the rejected token, otherwise a new one.
     */
    String refreshAfterRejection(String rejected) throws IOException {
        long seen = attempts;
        lock.lock();
        try {
            AccessToken token = current;
            if (token == null || token.value().reveal().equals(rejected) || !isFresh(token)) {
                token = fetchUnlessJustFailed(seen);
            }
            return token.value().reveal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Fetches and caches a token; called under the lock. Callers that waited for the lock while another caller's
     * token request failed get that failure instead of a request of their own: eight callers and a refusing
     * endpoint make one token request, not eight (Emarsys allows a few per minute).
     */
    private AccessToken fetchUnlessJustFailed(long seen) throws IOException {
        if (attempts != seen && lastFailure != null) {
            throw sameFailure(lastFailure);
        }
        try {
            AccessToken token = fetch();
            current = token;
            lastFailure = null;
            return token;
        } catch (IOException | RuntimeException e) {
            lastFailure = e;
            throw e;
        } finally {
            attempts++;
        }
    }

    /** A new exception per waiting caller (exceptions are not shared between threads), with the same message. */
    private static IOException sameFailure(Exception failure) {
        if (failure instanceof CredentialException refused) {
            throw new CredentialException(refused.getMessage(), refused.httpStatus(),
                    refused.oauthError(), refused);
        }
        if (failure instanceof RuntimeException other) {
            throw new CredentialException(other.getMessage(), other);
        }
        return new IOException(failure.getMessage(), failure);
    }

    private boolean isFresh(AccessToken token) {
        return token != null && clock.instant().isBefore(token.refreshAt());
    }

    private AccessToken fetch() throws IOException {
        FormBody.Builder form = new FormBody.Builder().add("grant_type", "client_credentials");
        String scope = credential.scope();
        if (scope != null) {
            form.add("scope", scope);
        }
        Request.Builder request = new Request.Builder().url(tokenUrl).header("Accept", "application/json");
        if (credential.clientAuthentication() == ClientAuthentication.BASIC) {
            request.header(Authentication.AUTHORIZATION,
                    Credentials.basic(credential.clientId(), credential.clientSecret().reveal(), StandardCharsets.UTF_8));
        } else {
            form.add("client_id", credential.clientId()).add("client_secret", credential.clientSecret().reveal());
        }
        Instant requestedAt = clock.instant();
        try (Response response = client.newCall(request.post(form.build()).build()).execute()) {
            JsonNode body = parse(response);
            if (!response.isSuccessful()) {
                throw failure(response.code(), body, "refused the client");
            }
            return accessToken(response.code(), body, requestedAt);
        } catch (IOException e) {
            throw new IOException("OAuth token request of destination '" + destinationId + "' to " + tokenUrl.host()
                    + " failed: " + e.getClass().getSimpleName(), e);
        }
    }

    private AccessToken accessToken(int status, JsonNode body, Instant requestedAt) {
        JsonNode token = body == null ? null : body.get("access_token");
        if (token == null || !token.isTextual() || token.asText().isBlank()) {
            throw failure(status, body, "answered without an access_token");
        }
        JsonNode type = body.get("token_type");
        if (type != null && !type.asText().equalsIgnoreCase("bearer")) {
            throw failure(status, body, "issued an unsupported token_type '" + type.asText() + "'");
        }
        // Some servers send expires_in as a string; without it the token is kept until the resource answers 401.
        long expiresIn = body.path("expires_in").asLong(-1);
        Instant refreshAt = expiresIn > 0 ? requestedAt.plus(lifetime(Duration.ofSeconds(expiresIn))) : Instant.MAX;
        LOG.debug("Destination '{}' got an OAuth access token from {}, refreshing at {}", destinationId, tokenUrl.host(), refreshAt);
        return new AccessToken(Secret.of(token.asText()), refreshAt);
    }

    /** The token's useful life: {@code expires_in - refreshSkew}, or half its life when the skew would eat it all. */
    private Duration lifetime(Duration expiresIn) {
        Duration skewed = expiresIn.minus(credential.refreshSkew());
        return skewed.isNegative() || skewed.isZero() ? expiresIn.dividedBy(2) : skewed;
    }

    private JsonNode parse(Response response) {
        try (InputStream in = response.body().byteStream()) {
            return json.readTree(in.readNBytes(MAX_TOKEN_RESPONSE_BYTES));
        } catch (IOException e) {
            return null; // not JSON: reported through the status and a missing access_token
        }
    }

    private CredentialException failure(int status, JsonNode body, String what) {
        JsonNode error = body == null ? null : body.get("error");
        String code = error != null && error.isTextual() ? error.asText() : null;
        return new CredentialException("OAuth token endpoint " + tokenUrl.host() + " of destination '" + destinationId + "' "
                + what + ": HTTP " + status + (code == null ? "" : ", error " + code), status, code, null);
    }
}
