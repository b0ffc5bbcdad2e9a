package dev.ioflow.testing.internal;

import dev.ioflow.emarsys.EmarsysException;
import dev.ioflow.emarsys.WsseHeader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks an {@code X-WSSE} header as Emarsys does, with the adapter's {@link WsseHeader}: known user, digest made
 * with the user's secret, {@code Created} within five minutes of the server's clock, nonce never seen before.
 * Not thread-safe. Not API.
 */
public final class WsseCheck {
    private static final Duration WINDOW = Duration.ofMinutes(5);

    private final Clock clock;
    private final String username;
    private final String secret;
    private final Map<String, Instant> seenNonces = new HashMap<>();

    /** Accepts this user with this secret, judging time by {@code clock}. */
    public WsseCheck(Clock clock, String username, String secret) {
        this.clock = clock;
        this.username = username;
        this.secret = secret;
    }

    /** Null when the header is valid (its nonce is then used up), else why it is not. */
    public String rejection(String headerValue) {
        WsseHeader header;
        Instant now = clock.instant();
        try {
            header = WsseHeader.parse(headerValue);
            if (!header.isFresh(now, WINDOW)) {
                return "Time frame is invalid";
            }
        } catch (EmarsysException e) {
            return "Invalid X-WSSE header: " + e.getMessage();
        }
        if (!username.equals(header.username())) {
            return "Unknown user";
        }
        if (!header.matches(secret)) {
            return "Invalid password digest";
        }
        seenNonces.values().removeIf(t -> t.isBefore(now.minus(WINDOW.multipliedBy(2))));
        if (seenNonces.putIfAbsent(header.nonce(), now) != null) {
            return "Nonce already used";
        }
        return null;
    }
}
