package dev.ioflow.odata;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who may call the inbound services and what they may do. Authentication is mandatory, as on SAP Commerce:
 * {@code Authorization: Basic} against the users configured here, or {@code Authorization: Bearer} through a
 * {@link BearerTokenValidator}. A missing or wrong credential is answered 401; an authenticated caller without the
 * right is answered 403 {@code forbidden}.
 *
 * <p>Rights are granted per integration object (or {@code "*"} for all) to user names or groups. SAP's own group
 * names work everywhere without a grant: {@code integrationadmingroup} (everything), {@code integrationcreategroup}
 * (POST, PATCH and {@code $metadata}), {@code integrationviewgroup} (GET), {@code integrationdeletegroup} (DELETE).
 *
 * <pre>{@code
 * InboundSecurity security = InboundSecurity.builder()
 *         .user("cpi", "s3cret", "integrationcreategroup")
 *         .user("viewer", "pw")
 *         .grant("InboundProduct", AccessRight.READ, "viewer")
 *         .build();
 * }</pre>
 *
 * @since 1.0
 */
public final class InboundSecurity {
    /** SAP's group with every right on every integration object. */
    public static final String ADMIN_GROUP = "integrationadmingroup";
    /** SAP's group that may POST, PATCH and read {@code $metadata}. */
    public static final String CREATE_GROUP = "integrationcreategroup";
    /** SAP's group that may GET. */
    public static final String VIEW_GROUP = "integrationviewgroup";
    /** SAP's group that may DELETE. */
    public static final String DELETE_GROUP = "integrationdeletegroup";

    private final Map<String, User> users;
    private final @Nullable BearerTokenValidator bearer;
    private final List<Grant> grants;

    private InboundSecurity(Builder b) {
        this.users = Map.copyOf(b.users);
        this.bearer = b.bearer;
        this.grants = List.copyOf(b.grants);
    }

    /** Starts a builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The principal of an {@code Authorization} header, or {@code null} when it is missing, malformed or wrong.
     * Passwords are compared in constant time.
     */
    public @Nullable InboundPrincipal authenticate(@Nullable String authorization) {
        if (authorization == null) {
            return null;
        }
        int space = authorization.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String scheme = authorization.substring(0, space);
        String credentials = authorization.substring(space + 1).trim();
        if (scheme.equalsIgnoreCase("Bearer")) {
            return bearer == null || credentials.isEmpty() ? null : bearer.validate(credentials);
        }
        if (!scheme.equalsIgnoreCase("Basic")) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        User user = users.get(decoded.substring(0, colon));
        String password = decoded.substring(colon + 1);
        if (user == null) {
            hash(new byte[16], password); // same work as for a known user: no timing hint of which names exist
            return null;
        }
        return MessageDigest.isEqual(user.hash, hash(user.salt, password)) ? user.principal : null;
    }

    /** Whether {@code principal} has {@code right} on the integration object {@code ioCode}. */
    public boolean allows(InboundPrincipal principal, String ioCode, AccessRight right) {
        Set<String> groups = principal.groups();
        if (groups.contains(ADMIN_GROUP)
                || right == AccessRight.READ && groups.contains(VIEW_GROUP)
                || right == AccessRight.WRITE && groups.contains(CREATE_GROUP)
                || right == AccessRight.DELETE && groups.contains(DELETE_GROUP)) {
            return true;
        }
        for (Grant g : grants) {
            if ((g.io.equals("*") || g.io.equals(ioCode)) && g.rights.contains(right)
                    && (g.who.equals(principal.name()) || groups.contains(g.who))) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code principal} may read {@code $metadata}: readers and writers may (SAP lets the create group). */
    public boolean allowsMetadata(InboundPrincipal principal, String ioCode) {
        return allows(principal, ioCode, AccessRight.READ) || allows(principal, ioCode, AccessRight.WRITE);
    }

    private static byte[] hash(byte[] salt, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return sha.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private record User(InboundPrincipal principal, byte[] salt, byte[] hash) {
    }

    private record Grant(String io, Set<AccessRight> rights, String who) {
    }

    /** Builds {@link InboundSecurity}. */
    public static final class Builder {
        private final Map<String, User> users = new HashMap<>();
        private @Nullable BearerTokenValidator bearer;
        private final List<Grant> grants = new ArrayList<>();
        private final SecureRandom random = new SecureRandom();

        private Builder() {
        }

        /**
         * A Basic-authentication user in {@code groups}. Only a salted hash of the password is kept.
         *
         * @throws IllegalArgumentException if the name is blank, contains {@code :}, or is declared twice
         */
        public Builder user(String name, String password, String... groups) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(password, "password");
            if (name.isBlank() || name.contains(":")) {
                throw new IllegalArgumentException("user name must be non-blank and contain no ':', was '" + name + "'");
            }
            if (users.containsKey(name)) {
                throw new IllegalArgumentException("user '" + name + "' is declared twice");
            }
            byte[] salt = new byte[16];
            random.nextBytes(salt);
            users.put(name, new User(InboundPrincipal.of(name, groups), salt, hash(salt, password)));
            return this;
        }

        /** Accepts {@code Authorization: Bearer} tokens through {@code validator}. */
        public Builder bearerTokens(BearerTokenValidator validator) {
            this.bearer = Objects.requireNonNull(validator, "validator");
            return this;
        }

        /**
         * Grants {@code right} on integration object {@code ioCode} ({@code "*"}: all) to a user name or a group.
         */
        public Builder grant(String ioCode, AccessRight right, String userOrGroup) {
            grants.add(new Grant(Objects.requireNonNull(ioCode, "ioCode"), EnumSet.of(right),
                    Objects.requireNonNull(userOrGroup, "userOrGroup")));
            return this;
        }

        /** Grants every right on {@code ioCode} ({@code "*"}: all) to a user name or a group. */
        public Builder grantAll(String ioCode, String userOrGroup) {
            for (AccessRight r : AccessRight.values()) {
                grant(ioCode, r, userOrGroup);
            }
            return this;
        }

        /** The security settings. */
        public InboundSecurity build() {
            return new InboundSecurity(this);
        }
    }
}
