package dev.ioflow.spring.internal;

import dev.ioflow.destinations.ConsumedDestination;
import dev.ioflow.destinations.Credential;
import dev.ioflow.destinations.DestinationRegistry;
import dev.ioflow.destinations.OAuth2ClientCredentials;
import dev.ioflow.spring.IoflowConfigurationException;
import dev.ioflow.spring.IoflowProperties;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Builds the destination registry from {@code ioflow.destinations.*}; messages name properties, never secrets. */
public final class DestinationFactory {
    private static final String PREFIX = "ioflow.destinations.";

    private DestinationFactory() {
    }

    /** The registry of every configured destination (possibly none). */
    public static DestinationRegistry registry(IoflowProperties properties) {
        DestinationRegistry.Builder registry = DestinationRegistry.builder();
        for (Map.Entry<String, IoflowProperties.Destination> e : properties.getDestinations().entrySet()) {
            registry.add(destination(e.getKey(), e.getValue()));
        }
        return registry.build();
    }

    static ConsumedDestination destination(String id, IoflowProperties.Destination d) {
        String at = PREFIX + id;
        String url = required(d.getUrl(), at + ".url");
        try {
            ConsumedDestination.Builder b = ConsumedDestination.builder(id, url)
                    .credential(credential(at + ".credential", d.getCredential()))
                    .headers(d.getHeaders())
                    .active(d.isActive())
                    .allowInsecureHttp(d.isAllowInsecureHttp())
                    .cloudEvents(d.isCloudEvents());
            if (d.getConnectTimeout() != null) {
                b.connectTimeout(d.getConnectTimeout());
            }
            if (d.getReadTimeout() != null) {
                b.readTimeout(d.getReadTimeout());
            }
            if (d.getCallTimeout() != null) {
                b.callTimeout(d.getCallTimeout());
            }
            return b.build();
        } catch (IoflowConfigurationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IoflowConfigurationException(at, "invalid destination: " + e.getMessage(), e);
        }
    }

    private static Credential credential(String at, IoflowProperties.Credential c) {
        return switch (c.getType()) {
            case NONE -> {
                onlyFields(at, c, "none");
                yield Credential.none();
            }
            case BASIC -> {
                onlyFields(at, c, "basic", "username", "password");
                yield Credential.basic(required(c.getUsername(), at + ".username"),
                        required(c.getPassword(), at + ".password"));
            }
            case BEARER -> {
                onlyFields(at, c, "bearer", "token");
                yield Credential.bearer(required(c.getToken(), at + ".token"));
            }
            case API_KEY -> {
                onlyFields(at, c, "api-key", "header-name", "key");
                yield Credential.apiKey(required(c.getHeaderName(), at + ".header-name"),
                        required(c.getKey(), at + ".key"));
            }
            case OAUTH2 -> {
                onlyFields(at, c, "oauth2", "token-url", "client-id", "client-secret", "scope");
                OAuth2ClientCredentials.Builder b = Credential.oauth2ClientCredentials(
                        required(c.getTokenUrl(), at + ".token-url"), required(c.getClientId(), at + ".client-id"),
                        required(c.getClientSecret(), at + ".client-secret"));
                yield b.scope(c.getScope()).build();
            }
        };
    }

    /** Rejects fields set for another credential type (a likely typo in the type or the field). */
    private static void onlyFields(String at, IoflowProperties.Credential c, String type, String... allowed) {
        Map<String, @Nullable String> set = new LinkedHashMap<>();
        set.put("username", c.getUsername());
        set.put("password", c.getPassword());
        set.put("token", c.getToken());
        set.put("header-name", c.getHeaderName());
        set.put("key", c.getKey());
        set.put("token-url", c.getTokenUrl());
        set.put("client-id", c.getClientId());
        set.put("client-secret", c.getClientSecret());
        set.put("scope", c.getScope());
        List<String> allowedList = List.of(allowed);
        for (Map.Entry<String, @Nullable String> field : set.entrySet()) {
            if (field.getValue() != null && !allowedList.contains(field.getKey())) {
                throw new IoflowConfigurationException(at + "." + field.getKey(),
                        "is set but the credential type is '" + type + "', which does not use it"
                                + " (set " + at + ".type to the credential's kind)");
            }
        }
    }

    static String required(@Nullable String value, String property) {
        if (value == null || value.isBlank()) {
            throw new IoflowConfigurationException(property, "must be set");
        }
        return value;
    }
}
