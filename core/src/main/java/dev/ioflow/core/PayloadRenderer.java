package dev.ioflow.core;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Turns items into payloads for one integration object, bound to a {@link TypeSystem}. Built once (the
 * definition is validated and every attribute accessor resolved), then used from any number of threads.
 *
 * <pre>{@code
 * PayloadRenderer renderer = PayloadRenderer.builder(ioCustomer, JavaTypeSystem.of(Customer.class))
 *         .style(PayloadStyle.PLAIN)
 *         .build();
 * Payload payload = renderer.render(customer);
 * payload.integrationKey(); // "c1"
 * payload.jsonString();     // {"customerID":"c1","contactEmail":"c1@example.com","integrationKey":"c1"}
 * }</pre>
 *
 * @since 0.1
 */
public final class PayloadRenderer {
    // TODO(issue 2, render helper): replace the stubs below with the streaming implementation.
    private final IntegrationObject integrationObject;
    private final TypeSystem typeSystem;
    private final PayloadStyle style;
    private final Map<String, VirtualAttributeFunction> virtualFunctions;

    private PayloadRenderer(Builder builder) {
        this.integrationObject = builder.integrationObject;
        this.typeSystem = builder.typeSystem;
        this.style = builder.style;
        this.virtualFunctions = Map.copyOf(builder.virtualFunctions);
    }

    /** A renderer in the {@link PayloadStyle#PLAIN} style with no virtual functions. */
    public static PayloadRenderer of(IntegrationObject integrationObject, TypeSystem typeSystem) {
        return builder(integrationObject, typeSystem).build();
    }

    /** Starts a renderer for this integration object over this type system. */
    public static Builder builder(IntegrationObject integrationObject, TypeSystem typeSystem) {
        return new Builder(integrationObject, typeSystem);
    }

    /** The integration object this renderer renders. */
    public IntegrationObject integrationObject() {
        return integrationObject;
    }

    /** The payload style. */
    public PayloadStyle style() {
        return style;
    }

    /** Whether {@code item} is an instance of the root item's type (events for other items are not for this IO). */
    public boolean accepts(Object item) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Renders the item: JSON bytes, integration key and hash.
     *
     * @throws ItemRenderException (and {@link MissingKeyValueException}) naming the path of a bad value
     */
    public Payload render(Object item) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Streams the item's payload to {@code generator} (no intermediate tree). */
    public void render(Object item, JsonGenerator generator) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The payload as a Jackson tree, for callers who want to inspect or amend it. */
    public ObjectNode renderTree(Object item) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The root item's integration key (SAP's rule: key attributes ordered, URL-encoded, joined with {@code |}). */
    public String integrationKey(Object item) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The hash of the canonical payload, computed without keeping the payload bytes. */
    public PayloadHash hash(Object item) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Builds a {@link PayloadRenderer}. */
    public static final class Builder {
        private final IntegrationObject integrationObject;
        private final TypeSystem typeSystem;
        private PayloadStyle style = PayloadStyle.PLAIN;
        private final Map<String, VirtualAttributeFunction> virtualFunctions = new LinkedHashMap<>();

        private Builder(IntegrationObject integrationObject, TypeSystem typeSystem) {
            this.integrationObject = Objects.requireNonNull(integrationObject, "integrationObject");
            this.typeSystem = Objects.requireNonNull(typeSystem, "typeSystem");
        }

        /** The payload style (default {@link PayloadStyle#PLAIN}). */
        public Builder style(PayloadStyle style) {
            this.style = Objects.requireNonNull(style, "style");
            return this;
        }

        /** Registers the function that computes virtual attributes declared with this logic location. */
        public Builder virtualFunction(String logicLocation, VirtualAttributeFunction function) {
            virtualFunctions.put(Objects.requireNonNull(logicLocation, "logicLocation"), Objects.requireNonNull(function, "function"));
            return this;
        }

        /**
         * Validates the definition against the type system and resolves every accessor.
         *
         * @throws InvalidDefinitionException listing every problem with its path
         */
        public PayloadRenderer build() {
            return new PayloadRenderer(this);
        }
    }
}
