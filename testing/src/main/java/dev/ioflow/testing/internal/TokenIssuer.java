package dev.ioflow.testing.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * The stand-in's OAuth 2.0 token endpoint (client credentials, client id and secret as HTTP Basic) and the
 * check of {@code Authorization: Bearer} on API calls. Not thread-safe. Not API.
 */
public final class TokenIssuer {
    private final Clock clock;
    private final String clientId;
    private final String clientSecret;
    private final Duration lifetime;
    private final Envelope envelope;
    private final Map<String, Instant> tokens = new HashMap<>();
    private int tokenRequests;

    /** Issues tokens valid for {@code lifetime} to this client. */
    public TokenIssuer(Clock clock, String clientId, String clientSecret, Duration lifetime, Envelope envelope) {
        this.clock = clock;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.lifetime = lifetime;
        this.envelope = envelope;
    }

    /** Answers a token request. */
    public MockResponse token(RecordedRequest request) {
        tokenRequests++;
        String expected = "Basic " + Base64.getEncoder()
                .encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(request.getHeaders().get("Authorization"))) {
            return envelope.json(401, Map.of("error", "invalid_client",
                    "error_description", "client authentication failed"));
        }
        String form = request.getBody() == null ? "" : request.getBody().utf8();
        if (!form.contains("grant_type=client_credentials")) {
            return envelope.json(400, Map.of("error", "unsupported_grant_type",
                    "error_description", "grant_type must be client_credentials"));
        }
        String token = "stand-in-token-" + tokenRequests;
        tokens.put(token, clock.instant().plus(lifetime));
        return envelope.json(200, Map.of("access_token", token, "token_type", "bearer",
                "expires_in", lifetime.toSeconds()));
    }

    /** Null when the header carries a live token this issuer issued, else why not. */
    public String rejection(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return "Authorization: Bearer missing";
        }
        Instant expiry = tokens.get(authorization.substring("Bearer ".length()));
        if (expiry == null) {
            return "Unknown access token";
        }
        return clock.instant().isBefore(expiry) ? null : "Access token expired";
    }

    /** How many token requests arrived (successful or not). */
    public int tokenRequests() {
        return tokenRequests;
    }

    /** Makes every issued token invalid, as if they had all expired. */
    public void revokeAll() {
        tokens.clear();
    }
}
