package dev.ioflow.emarsys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Emarsys {@code X-WSSE} header value (API v2): signs, formats, parses and verifies it.
 *
 * <p>Emarsys' digest is {@code Base64(lowercase hex of SHA-1(nonce + created + secret))}: Base64 of the 40 hex
 * characters, not of the 20 raw bytes as standard WSSE libraries do; it is always 56 characters long.
 *
 * <pre>{@code
 * WsseHeader header = WsseHeader.sign("customer001", secret, clock, secureRandom);
 * request.header(WsseHeader.HEADER_NAME, header.headerValue());
 *
 * // a stand-in server verifies it:
 * WsseHeader received = WsseHeader.parse(request.getHeader("X-WSSE"));
 * boolean ok = received.matches(secret) && received.isFresh(clock.instant(), Duration.ofMinutes(5));
 * }</pre>
 *
 * @param username       the API user name
 * @param passwordDigest the password digest
 * @param nonce          32 lowercase hex characters, new for every request
 * @param created        the UTC timestamp as sent, e.g. {@code 2014-03-20T12:51:45Z}
 * @since 0.1
 */
public record WsseHeader(String username, String passwordDigest, String nonce, String created) {

    /** The HTTP header that carries the value: {@code X-WSSE}. */
    public static final String HEADER_NAME = "X-WSSE";

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern PAIR = Pattern.compile("([A-Za-z]+)\\s*=\\s*\"([^\"]*)\"");
    private static final HexFormat HEX = HexFormat.of();

    /** All parts are required. */
    public WsseHeader {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordDigest, "passwordDigest");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(created, "created");
    }

    /**
     * Signs a new header: a nonce of 16 bytes from {@code random} and the current second of {@code clock} in UTC.
     *
     * @param username the API user name
     * @param secret   the API secret (only its digest leaves this method)
     * @param clock    the clock for {@code Created}
     * @param random   the source of the nonce
     */
    public static WsseHeader sign(String username, String secret, Clock clock, SecureRandom random) {
        byte[] nonceBytes = new byte[16];
        random.nextBytes(nonceBytes);
        String created = CREATED.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        return sign(username, secret, HEX.formatHex(nonceBytes), created);
    }

    /** Signs a header with a given nonce and timestamp (for tests and verification). */
    public static WsseHeader sign(String username, String secret, String nonce, String created) {
        return new WsseHeader(username, passwordDigest(nonce, created, secret), nonce, created);
    }

    /**
     * Emarsys' password digest: {@code Base64(hex(SHA-1(nonce + created + secret)))}, hex in lowercase.
     * For nonce {@code d36e316282959a9ed4c89851497a717f}, created {@code 2014-03-20T12:51:45Z} and secret
     * {@code customersecret} it is {@code YWQyNWE5Y2JkOTY2ZTU1ODg2M2QzNzVhNDZlZGQwZjg5YjZlZTk4Yw==}.
     */
    public static String passwordDigest(String nonce, String created, String secret) {
        Objects.requireNonNull(secret, "secret");
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] hash = sha1.digest((nonce + created + secret).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(HEX.formatHex(hash).getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every Java platform", e);
        }
    }

    /**
     * Parses a header value; the attributes may come in any order, names are case-insensitive, and a leading
     * {@code X-WSSE:} is ignored.
     *
     * @throws EmarsysAuthException (401, reply code 1) when it is not a {@code UsernameToken} or an attribute is missing
     */
    public static WsseHeader parse(String headerValue) {
        if (headerValue == null) {
            throw malformed("the X-WSSE header is missing");
        }
        String value = headerValue.strip();
        if (value.regionMatches(true, 0, HEADER_NAME + ":", 0, HEADER_NAME.length() + 1)) {
            value = value.substring(HEADER_NAME.length() + 1).strip();
        }
        if (!value.regionMatches(true, 0, "UsernameToken", 0, "UsernameToken".length())) {
            throw malformed("the X-WSSE header does not start with UsernameToken");
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        Matcher m = PAIR.matcher(value);
        while (m.find()) {
            pairs.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2));
        }
        return new WsseHeader(required(pairs, "Username"), required(pairs, "PasswordDigest"),
                required(pairs, "Nonce"), required(pairs, "Created"));
    }

    /** The header value: {@code UsernameToken Username="…", PasswordDigest="…", Nonce="…", Created="…"}. */
    public String headerValue() {
        return "UsernameToken Username=\"" + username + "\", PasswordDigest=\"" + passwordDigest + "\", Nonce=\""
                + nonce + "\", Created=\"" + created + "\"";
    }

    /** Whether the digest was made with this secret (compared in constant time). */
    public boolean matches(String secret) {
        byte[] expected = passwordDigest(nonce, created, secret).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, passwordDigest.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * {@code Created} as an instant; accepts {@code …Z} and explicit offsets.
     *
     * @throws EmarsysAuthException when it is not an ISO 8601 timestamp
     */
    public Instant createdAt() {
        try {
            return OffsetDateTime.parse(created).toInstant();
        } catch (DateTimeParseException e) {
            throw malformed("the X-WSSE Created value is not an ISO 8601 timestamp: " + created);
        }
    }

    /** Whether {@code Created} is within {@code tolerance} of {@code now} (Emarsys allows 5 minutes). */
    public boolean isFresh(Instant now, Duration tolerance) {
        return Duration.between(createdAt(), now).abs().compareTo(tolerance) <= 0;
    }

    /** Shows user, nonce and timestamp, not the digest. */
    @Override
    public String toString() {
        return "WsseHeader[Username=" + username + ", Nonce=" + nonce + ", Created=" + created + "]";
    }

    private static String required(Map<String, String> pairs, String name) {
        String v = pairs.get(name.toLowerCase(Locale.ROOT));
        if (v == null) {
            throw malformed("the X-WSSE header has no " + name);
        }
        return v;
    }

    private static EmarsysAuthException malformed(String message) {
        return new EmarsysAuthException(message, 401, 1, "Unauthorized");
    }
}
