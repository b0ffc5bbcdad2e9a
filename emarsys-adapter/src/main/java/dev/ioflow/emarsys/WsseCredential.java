package dev.ioflow.emarsys;

import dev.ioflow.destinations.CustomCredential;
import dev.ioflow.destinations.Secret;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import okhttp3.Interceptor;

/**
 * Emarsys' WSSE authentication (API v2) as a {@code destinations} credential: its interceptor signs every request
 * with a new {@code X-WSSE} header (fresh nonce, current UTC second; see {@link WsseHeader}).
 *
 * <p>Emarsys retires WSSE at the end of 2026: prefer OAuth 2.0 ({@link EmarsysConfig.Builder#oauth2}), which is
 * one setting away in an {@link EmarsysConfig}.
 *
 * <pre>{@code
 * ConsumedDestination emarsys = ConsumedDestination.builder("emarsys", "https://api.emarsys.net/api/v2/")
 *         .credential(WsseCredential.of("customer001", System.getenv("EMARSYS_SECRET")))
 *         .build();
 * }</pre>
 *
 * @since 0.1
 */
public final class WsseCredential implements CustomCredential {

    private final String username;
    private final Secret secret;
    private final Clock clock;
    private final SecureRandom random;

    private WsseCredential(String username, Secret secret, Clock clock, SecureRandom random) {
        this.username = Objects.requireNonNull(username, "username");
        this.secret = Objects.requireNonNull(secret, "secret");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        if (username.isBlank() || secret.isBlank()) {
            throw new IllegalArgumentException("WSSE user name and secret must not be blank");
        }
        if (!username.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"')) {
            // It goes inside a quoted header attribute; OkHttp would reject it per request, quoting the signed header.
            throw new IllegalArgumentException("WSSE user name '" + username.replaceAll("[^\\x20-\\x7e]", "?")
                    + "' must be printable ASCII without '\"'");
        }
    }

    /** A credential with the system clock (UTC) and a new {@link SecureRandom}. */
    public static WsseCredential of(String username, String secret) {
        return of(username, secret, Clock.systemUTC(), new SecureRandom());
    }

    /** A credential with an injected clock and nonce source (tests, or a clock corrected for skew). */
    public static WsseCredential of(String username, String secret, Clock clock, SecureRandom random) {
        return new WsseCredential(username, Secret.of(Objects.requireNonNull(secret, "secret")), clock, random);
    }

    /** The API user name. */
    public String username() {
        return username;
    }

    /** A header signed now; nonce and timestamp are computed once and used for both digest and header. */
    public WsseHeader sign() {
        return WsseHeader.sign(username, secret.reveal(), clock, random);
    }

    @Override
    public Interceptor interceptor() {
        return chain -> chain.proceed(chain.request().newBuilder()
                .header(WsseHeader.HEADER_NAME, sign().headerValue())
                .build());
    }

    /** Shows the user name, never the secret. */
    @Override
    public String toString() {
        return "WsseCredential[username=" + username + ", secret=" + secret + "]";
    }
}
