package dev.ioflow.destinations;

import dev.ioflow.destinations.internal.config.DestinationFileReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumed destinations an application knows, by id. Immutable and thread-safe. Register destinations
 * in code, or load them from a JSON file whose secrets are references resolved at load:
 *
 * <pre>{@code
 * {"destinations": [{
 *     "id": "emarsys",
 *     "url": "https://api.emarsys.net/api/v3/",
 *     "credential": {"type": "oauth2", "tokenUrl": "https://auth.emarsys.net/oauth2/token",
 *                    "clientId": "${env:EMARSYS_CLIENT_ID}", "clientSecret": "${file:/run/secrets/emarsys}"},
 *     "headers": {}, "timeouts": {"connect": "PT5S", "read": "PT20S", "call": "PT60S"}}]}
 * }</pre>
 *
 * Credential types are {@code none}, {@code basic} (username, password), {@code bearer} (token),
 * {@code apiKey} (headerName, key), {@code oauth2} (tokenUrl, clientId, clientSecret, scope,
 * refreshSkew, clientAuthentication {@code BASIC|FORM}) and {@code clientCertificate} (mutual TLS: keyStore and
 * keyStorePassword for a PKCS#12 file, or certificate and privateKey for PEM files; all paths, which may be
 * references too). Other destination fields: {@code active}, {@code allowInsecureHttp}, {@code cloudEvents},
 * {@code additionalProperties}, {@code csrfUrl} (also spelled {@code csrfURL}, as in SAP; see
 * {@link ConsumedDestination#csrfUrl()}) and {@code followSameOriginRedirects}. Timeouts are ISO-8601 durations
 * from 1 ms to {@link ConsumedDestination#MAX_TIMEOUT}; secret files are read up to
 * {@link SecretResolver#MAX_FILE_BYTES}. Problems name the JSON path ({@code destinations[crm].timeouts.read}) and
 * show a value that came from a reference as the reference ({@code the value of ${env:CRM_URL}}), never the value.
 *
 * <pre>{@code
 * DestinationRegistry registry = DestinationRegistry.load(Path.of("/etc/app/destinations.json"));
 * // or
 * DestinationRegistry registry = DestinationRegistry.builder()
 *         .add(ConsumedDestination.builder("crm", "https://crm.example.com/api/").build())
 *         .build();
 * ConsumedDestination crm = registry.require("crm");
 * }</pre>
 *
 * @since 0.1
 */
public final class DestinationRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(DestinationRegistry.class);

    private final Map<String, ConsumedDestination> byId;

    private DestinationRegistry(Map<String, ConsumedDestination> byId) {
        this.byId = byId;
    }

    /**
     * Starts an empty registry.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this registry's destinations, to add more.
     *
     * @return a new builder
     */
    public Builder newBuilder() {
        Builder b = new Builder();
        b.destinations.addAll(byId.values());
        return b;
    }

    /**
     * Loads a JSON destination file, resolving references with {@link SecretResolver#system()}.
     *
     * @param json the file
     * @return the registry
     * @throws DestinationConfigException listing every problem, each with its path; also when the file cannot be read
     */
    public static DestinationRegistry load(Path json) {
        return load(json, SecretResolver.system());
    }

    /**
     * Loads a JSON destination file.
     *
     * @param json the file
     * @param secrets resolves {@code ${scheme:name}} references
     * @return the registry
     * @throws DestinationConfigException listing every problem, each with its path; also when the file cannot be read
     */
    public static DestinationRegistry load(Path json, SecretResolver secrets) {
        String text;
        try {
            text = Files.readString(json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DestinationConfigException(List.of("cannot read destination file " + json + ": " + e));
        }
        DestinationRegistry registry = fromJson(text, secrets);
        LOG.info("Loaded consumed destinations {} from {}", registry.ids(), json);
        return registry;
    }

    /**
     * Reads destinations from JSON text.
     *
     * @param json the JSON text
     * @param secrets resolves {@code ${scheme:name}} references
     * @return the registry
     * @throws DestinationConfigException listing every problem, each with its path
     */
    public static DestinationRegistry fromJson(String json, SecretResolver secrets) {
        Builder b = builder();
        new DestinationFileReader(secrets).read(json).forEach(b::add);
        return b.build();
    }

    /**
     * @param id a destination id
     * @return the destination; null when none is registered under that id
     */
    public @Nullable ConsumedDestination find(String id) {
        return byId.get(id);
    }

    /**
     * @param id a destination id
     * @return the destination
     * @throws UnknownDestinationException naming the id and the registered ids
     */
    public ConsumedDestination require(String id) {
        ConsumedDestination d = byId.get(id);
        if (d == null) {
            throw new UnknownDestinationException(id, ids());
        }
        return d;
    }

    /** @return every destination, in registration order */
    public List<ConsumedDestination> all() {
        return List.copyOf(byId.values());
    }

    /** @return every destination id, in registration order */
    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    @Override
    public String toString() {
        return "DestinationRegistry" + byId.keySet();
    }

    /**
     * Builds a {@link DestinationRegistry}.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final List<ConsumedDestination> destinations = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param destination a destination; its id must be unique in the registry
         * @return this builder
         */
        public Builder add(ConsumedDestination destination) {
            destinations.add(Objects.requireNonNull(destination, "destination"));
            return this;
        }

        /**
         * Builds the registry.
         *
         * @return the registry
         * @throws DestinationConfigException when ids repeat
         */
        public DestinationRegistry build() {
            Map<String, ConsumedDestination> byId = new LinkedHashMap<>();
            List<String> problems = new ArrayList<>();
            for (ConsumedDestination d : destinations) {
                if (byId.putIfAbsent(d.id(), d) != null) {
                    problems.add("destinations[" + d.id() + "].id: duplicate destination id '" + d.id() + "'");
                }
            }
            if (!problems.isEmpty()) {
                throw new DestinationConfigException(problems);
            }
            return new DestinationRegistry(java.util.Collections.unmodifiableMap(byId));
        }
    }
}
