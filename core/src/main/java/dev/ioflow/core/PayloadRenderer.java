package dev.ioflow.core;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ioflow.core.internal.render.RenderEngine;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Turns items into payloads for one integration object, bound to a {@link TypeSystem}. Built once (the
 * definition is validated and every attribute accessor resolved into a compiled plan), then used from any
 * number of threads.
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
 * <p>Every item object, the root and each nested one, ends with its {@code integrationKey}. Attributes follow
 * the definition's order; null values are left out; nested items are objects and collections arrays (a
 * collection of items an array of objects); map values are objects with sorted keys. An item met again on its
 * own path (a cycle closed by a reference) is written in reference form: its unique attributes and key only.
 * See {@link PayloadStyle} for how values look, and {@link #integrationKey(Object)} and {@link #hash(Object)}
 * for the key and hash rules.
 *
 * @since 0.1
 */
public final class PayloadRenderer {
    private final IntegrationObject integrationObject;
    private final PayloadStyle style;
    private final Locale defaultLocale;
    private final RenderEngine engine;

    private PayloadRenderer(Builder builder, RenderEngine engine) {
        this.integrationObject = builder.integrationObject;
        this.style = builder.style;
        this.defaultLocale = builder.defaultLocale;
        this.engine = engine;
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

    /** The locale whose text {@link PayloadStyle#SAP} writes at the top level of localized attributes. */
    public Locale defaultLocale() {
        return defaultLocale;
    }

    /** Whether {@code item} is an instance of the root item's type (events for other items are not for this IO). */
    public boolean accepts(@Nullable Object item) {
        return engine.accepts(item);
    }

    /**
     * Renders the item: JSON bytes in this renderer's style, integration key and hash (of the canonical form,
     * whatever the style). Costs about two renders and a key; use {@link #renderJson(Object)} or
     * {@link #hash(Object)} when only one is needed.
     *
     * @throws ItemRenderException (and {@link MissingKeyValueException}) naming the path of a bad value
     */
    public Payload render(Object item) {
        Objects.requireNonNull(item, "item");
        String key = engine.integrationKey(item);
        return new Payload(integrationObject.code(), key, engine.json(item, key), engine.hash(item, key), true);
    }

    /**
     * The payload's UTF-8 JSON bytes only, as {@link #render(Object)} would return them.
     *
     * @throws ItemRenderException (and {@link MissingKeyValueException}) naming the path of a bad value
     */
    public byte[] renderJson(Object item) {
        return engine.json(Objects.requireNonNull(item, "item"));
    }

    /**
     * Streams the item's payload to {@code generator} (no intermediate tree) as one JSON object; the generator is
     * neither flushed nor closed. The generator's own settings apply (pretty printing, decimal notation).
     *
     * @throws ItemRenderException (and {@link MissingKeyValueException}) naming the path of a bad value
     * @throws java.io.UncheckedIOException when the generator cannot write
     */
    public void render(Object item, JsonGenerator generator) {
        engine.write(Objects.requireNonNull(item, "item"), Objects.requireNonNull(generator, "generator"));
    }

    /** The payload as a Jackson tree, for callers who want to inspect or amend it; same content as {@link #render(Object)}. */
    public ObjectNode renderTree(Object item) {
        return engine.tree(Objects.requireNonNull(item, "item"));
    }

    /**
     * The root item's integration key, by SAP's rule: the item's key attributes (those flagged unique or unique in the
     * type system, where a key reference expands into the referenced item's key attributes) ordered by
     * {@code ItemCode_attributeName},
     * each value as text (instants as epoch milliseconds, local dates and date-times as epoch milliseconds at UTC,
     * enums by name, decimals without exponent, anything else by {@code toString()}), URL-encoded as UTF-8 the
     * way {@link java.net.URLEncoder} does ({@code |} becomes {@code %7C}, a space {@code +}), joined with
     * {@code |}. For example {@code Staged|Default|P1} for a product keyed by its code and its catalog version
     * (keyed by version and catalog). A null value is keyed {@code null} only when {@link MissingKeyValueException}'s
     * rule allows it ({@code c1|null}: an optional primitive, beside a value).
     *
     * @throws MissingKeyValueException naming the path of the first key attribute with no value that the rule
     *                                  does not allow
     */
    public String integrationKey(Object item) {
        return engine.integrationKey(Objects.requireNonNull(item, "item"));
    }

    /**
     * The hash of the canonical payload, computed without keeping the payload bytes: MurmurHash3 x64 128 (seed 0)
     * of the compact UTF-8 JSON in which every object's keys are sorted and values are written in the
     * {@link PayloadStyle#PLAIN} style. It therefore does not depend on the attribute order of the definition, on
     * map iteration order, on the payload style, on the JVM or on the run; any value change changes it.
     */
    public PayloadHash hash(Object item) {
        return engine.hash(Objects.requireNonNull(item, "item"));
    }

    /** Builds a {@link PayloadRenderer}. */
    public static final class Builder {
        private final IntegrationObject integrationObject;
        private final TypeSystem typeSystem;
        private PayloadStyle style = PayloadStyle.PLAIN;
        private Locale defaultLocale = Locale.ENGLISH;
        private final Map<String, VirtualAttributeFunction> virtualFunctions = new LinkedHashMap<>();
        private ClassificationValues classificationValues = ClassificationValues.mapEntries();

        private Builder(IntegrationObject integrationObject, TypeSystem typeSystem) {
            this.integrationObject = Objects.requireNonNull(integrationObject, "integrationObject");
            this.typeSystem = Objects.requireNonNull(typeSystem, "typeSystem");
        }

        /** The payload style (default {@link PayloadStyle#PLAIN}). */
        public Builder style(PayloadStyle style) {
            this.style = Objects.requireNonNull(style, "style");
            return this;
        }

        /**
         * The locale whose text {@link PayloadStyle#SAP} writes at the top level of a localized attribute
         * (default {@link Locale#ENGLISH}); without an exact match, the smallest language tag of the same
         * language is used (so {@code en} finds {@code en-GB}).
         */
        public Builder defaultLocale(Locale locale) {
            this.defaultLocale = Objects.requireNonNull(locale, "locale");
            return this;
        }

        /** Registers the function that computes virtual attributes declared with this logic location. */
        public Builder virtualFunction(String logicLocation, VirtualAttributeFunction function) {
            virtualFunctions.put(Objects.requireNonNull(logicLocation, "logicLocation"), Objects.requireNonNull(function, "function"));
            return this;
        }

        /**
         * Where classification attributes (SAP's product features) take their values from; default
         * {@link ClassificationValues#mapEntries()}, which reads {@code Map} items.
         *
         * @since 1.0
         */
        public Builder classificationValues(ClassificationValues values) {
            this.classificationValues = Objects.requireNonNull(values, "values");
            return this;
        }

        /**
         * Validates the definition against the type system and resolves every accessor.
         *
         * @throws InvalidDefinitionException listing every problem with its path
         */
        public PayloadRenderer build() {
            IntegrationObjectValidator.create().requireValid(integrationObject, typeSystem);
            RenderEngine engine = RenderEngine.compile(integrationObject, typeSystem, Map.copyOf(virtualFunctions),
                    classificationValues, style, defaultLocale);
            return new PayloadRenderer(this, engine);
        }
    }
}
