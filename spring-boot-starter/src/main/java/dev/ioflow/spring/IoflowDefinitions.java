package dev.ioflow.spring;

import dev.ioflow.core.IntegrationObject;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The integration objects of the application, by code: read once from the files of {@code ioflow.definitions},
 * followed by the {@link IntegrationObject} beans. The webhooks and the inbound OData services both use this bean;
 * declare your own to take the integration objects from elsewhere (the files and {@code IntegrationObject} beans
 * are then not read).
 *
 * <pre>{@code
 * @Bean
 * IoflowDefinitions ioflowDefinitions() throws IOException {
 *     return IoflowDefinitions.of(IntegrationObjectJson.create().read(Path.of("/etc/shop/ioCustomer.json")));
 * }
 * }</pre>
 *
 * @since 1.0
 */
public final class IoflowDefinitions {
    private final Map<String, IntegrationObject> byCode;

    private IoflowDefinitions(Map<String, IntegrationObject> byCode) {
        this.byCode = Collections.unmodifiableMap(byCode);
    }

    /**
     * The given integration objects, in order.
     *
     * @param integrationObjects the integration objects; their codes are distinct
     * @return the definitions
     * @throws IllegalArgumentException when two integration objects share a code
     */
    public static IoflowDefinitions of(Collection<IntegrationObject> integrationObjects) {
        Map<String, IntegrationObject> byCode = new LinkedHashMap<>();
        for (IntegrationObject io : integrationObjects) {
            Objects.requireNonNull(io, "integration object");
            if (byCode.putIfAbsent(io.code(), io) != null) {
                throw new IllegalArgumentException("integration object '" + io.code() + "' is defined twice");
            }
        }
        return new IoflowDefinitions(byCode);
    }

    /** The integration objects by code, in the order they were defined. */
    public Map<String, IntegrationObject> byCode() {
        return byCode;
    }

    /**
     * The integration object with this code.
     *
     * @param code the integration object's code
     * @return the integration object, or {@code null} when none has this code
     */
    public @Nullable IntegrationObject find(String code) {
        return byCode.get(code);
    }

    @Override
    public String toString() {
        return "IoflowDefinitions" + byCode.keySet();
    }
}
