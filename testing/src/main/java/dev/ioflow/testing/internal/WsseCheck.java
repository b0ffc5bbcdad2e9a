package dev.ioflow.testing.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks an {@code X-WSSE} header as Emarsys does: known user, digest
 * {@code Base64(hex(SHA-1(nonce + created + secret)))}, {@code Created} within five minutes of the server's
 * clock, nonce never seen before. Written independently of the adapter's signer on purpose, so that a test
 * against the stand-in catches a wrong digest instead of agreeing with it. Not thread-safe. Not API.
 */
public final class WsseCheck {
    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final Pattern PART = Pattern.compile("(\\w+)=\"([^\"]*)\"");

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

    /** Null when the header is valid (the nonce is then used up), else why it is not. */
    public String rejection(String header) {
        if (header == null || !header.startsWith("UsernameToken ")) {
            return "X-WSSE header missing or not a UsernameToken";
        }
        Map<String, String> parts = new HashMap<>();
        Matcher m = PART.matcher(header);
        while (m.find()) {
            parts.put(m.group(1), m.group(2));
        }
        String nonce = parts.get("Nonce");
        String created = parts.get("Created");
        String digest = parts.get("PasswordDigest");
        if (nonce == null || created == null || digest == null || !parts.containsKey("Username")) {
            return "X-WSSE header lacks Username, PasswordDigest, Nonce or Created";
        }
        if (!username.equals(parts.get("Username"))) {
            return "Unknown user";
        }
        Instant now = clock.instant();
        String timeProblem = timeProblem(created, now);
        if (timeProblem != null) {
            return timeProblem;
        }
        if (!MessageDigest.isEqual(expectedDigest(nonce, created).getBytes(StandardCharsets.US_ASCII),
                digest.getBytes(StandardCharsets.US_ASCII))) {
            return "Invalid password digest";
        }
        seenNonces.values().removeIf(t -> t.isBefore(now.minus(WINDOW.multipliedBy(2))));
        if (seenNonces.putIfAbsent(nonce, now) != null) {
            return "Nonce already used";
        }
        return null;
    }

    private static String timeProblem(String created, Instant now) {
        try {
            Instant at = Instant.parse(created);
            return Duration.between(at, now).abs().compareTo(WINDOW) > 0 ? "Time frame is invalid" : null;
        } catch (DateTimeParseException e) {
            return "Created is not an ISO-8601 UTC timestamp: '" + created + "'";
        }
    }

    private String expectedDigest(String nonce, String created) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1")
                    .digest((nonce + created + secret).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(HexFormat.of().formatHex(sha1).getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every JVM", e);
        }
    }
}
