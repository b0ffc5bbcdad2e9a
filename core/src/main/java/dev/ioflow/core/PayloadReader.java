package dev.ioflow.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ioflow.core.internal.inbound.ReadEngine;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reads inbound payloads of one integration object into {@link ItemDraft}s: the reverse of
 * {@link PayloadRenderer}. Every problem of a payload (unknown property, wrong JSON type, missing key attribute,
 * bad date, value out of range, read-only attribute) is collected with its JSON path and thrown at once as a
 * {@link PayloadException}; nothing is created. Drafts become items in a unit of work through
 * {@link dev.ioflow.core.persistence.IntegrationObjectStore}. Built once, then used from any number of threads.
 *
 * <pre>{@code
 * PayloadReader reader = PayloadReader.of(ioProduct, JavaTypeSystem.of(Product.class));
 * ItemDraft draft = reader.read("Product", """
 *         {"code":"p1","catalogVersion":{"version":"Staged","catalog":{"id":"Default"}}}""".getBytes(UTF_8));
 * }</pre>
 *
 * <p>Both payload styles are read, whatever style the integration object renders: dates as ISO-8601 text
 * ({@code 2020-05-13T12:00:00Z}, {@code 2020-05-13}), as SAP's {@code "/Date(1589371200000)/"}, as epoch
 * milliseconds, or as {@code Calendar}/{@code Date}/{@code java.time} objects (the form Apache Olingo hands
 * over); numbers as JSON numbers or as text (SAP sends {@code Edm.Int64} and decimals as strings); enums as
 * {@code "NAME"} or {@code {"code":"NAME"}}; localized text as {@code {"en":"…","de":"…"}}, or as a string in
 * the reader's {@link Builder#locale(Locale) locale} plus SAP's {@code localizedAttributes} list
 * ({@code [{"language":"de","name":"…"}]}); primitive collections as {@code ["a"]} or SAP's {@code [{"value":"a"}]};
 * maps as objects or SAP's {@code [{"key":"k","value":"v"}]}; to-many references as arrays or OData's
 * {@code {"results":[…]}}. The {@code integrationKey} property is ignored (it is recomputed, as SAP does), and
 * so are values of virtual attributes and OData's annotations ({@code __metadata}, {@code @odata.context}).
 *
 * <p>Every unique (key) attribute must be present and non-null in every element, except at the top of a
 * {@link #readPartial(String, Map) partial} read (PATCH, whose key is in the URL: there it may be left out, not
 * nulled), and except a primitive one the type system declares neither mandatory nor unique when another key
 * attribute of the element has a value (SAP: "null primitive optional key parts are allowed"; its key part is then
 * {@code null}, as {@link MissingKeyValueException} describes: the renderer follows the same rule). A key attribute
 * that breaks the rule is a {@link PayloadProblem.Kind#MISSING_KEY} problem. A
 * {@link AttributeDescriptor#mandatory() mandatory} attribute given as null is a problem too (SAP's
 * {@code missing_property}, or {@code missing_nav_property} for a reference or enum); one left out is only when its
 * item is created, which the {@link dev.ioflow.core.persistence.IntegrationObjectStore store} decides.
 *
 * @since 1.0
 */
public final class PayloadReader {
    private final IntegrationObject integrationObject;
    private final TypeSystem typeSystem;
    private final Locale locale;
    private final ReadEngine engine;

    private PayloadReader(IntegrationObject integrationObject, TypeSystem typeSystem, Locale locale, ReadEngine engine) {
        this.integrationObject = integrationObject;
        this.typeSystem = typeSystem;
        this.locale = locale;
        this.engine = engine;
    }

    /** A reader whose localized strings are English. */
    public static PayloadReader of(IntegrationObject integrationObject, TypeSystem typeSystem) {
        return builder(integrationObject, typeSystem).build();
    }

    /** Starts a reader for this integration object over this type system. */
    public static Builder builder(IntegrationObject integrationObject, TypeSystem typeSystem) {
        return new Builder(integrationObject, typeSystem);
    }

    /** The integration object read. */
    public IntegrationObject integrationObject() {
        return integrationObject;
    }

    /** The type system items are made in. */
    public TypeSystem typeSystem() {
        return typeSystem;
    }

    /** The language of localized attributes given as plain strings. */
    public Locale locale() {
        return locale;
    }

    /**
     * The same reader with another language for localized strings (an OData request's {@code Content-Language}).
     * Cheap: the compiled definition is shared.
     */
    public PayloadReader withLocale(Locale locale) {
        return new PayloadReader(integrationObject, typeSystem, Objects.requireNonNull(locale, "locale"),
                engine.withLocale(locale));
    }

    /**
     * Reads a payload of the root item from UTF-8 JSON.
     *
     * @throws PayloadException listing every problem with its JSON path (malformed JSON is one problem at {@code $})
     */
    public ItemDraft read(byte[] json) {
        return read(integrationObject.rootItem().code(), json);
    }

    /**
     * Reads a payload of the integration-object item {@code itemCode} from UTF-8 JSON.
     *
     * @throws IllegalArgumentException when the integration object has no such item
     * @throws PayloadException         listing every problem with its JSON path
     */
    public ItemDraft read(String itemCode, byte[] json) {
        return engine.read(itemCode, engine.parse(Objects.requireNonNull(json, "json")), false);
    }

    /**
     * Reads a payload given as a Jackson tree.
     *
     * @throws IllegalArgumentException when the integration object has no such item
     * @throws PayloadException         listing every problem with its JSON path
     */
    public ItemDraft read(String itemCode, JsonNode tree) {
        return engine.read(itemCode, engine.plain(Objects.requireNonNull(tree, "tree")), false);
    }

    /**
     * Reads an entity already parsed into property values (e.g. from an Apache Olingo {@code ODataEntry}): a
     * nested entity is a {@code Map<String, Object>}, a nested feed a {@code List} of them; primitive values may
     * be JSON-like ({@code String}, {@code Number}, {@code Boolean}) or typed ({@code Calendar}, {@code Date},
     * {@code BigDecimal}, {@code java.time} values).
     *
     * @throws IllegalArgumentException when the integration object has no such item
     * @throws PayloadException         listing every problem with its JSON path
     */
    public ItemDraft read(String itemCode, Map<String, ?> entity) {
        return engine.read(itemCode, Objects.requireNonNull(entity, "entity"), false);
    }

    /**
     * Reads an entity for a partial update (PATCH): like {@link #read(String, Map)}, but the element's own key
     * attributes may be left out (nested elements still need theirs).
     *
     * @throws IllegalArgumentException when the integration object has no such item
     * @throws PayloadException         listing every problem with its JSON path
     */
    public ItemDraft readPartial(String itemCode, Map<String, ?> entity) {
        return engine.read(itemCode, Objects.requireNonNull(entity, "entity"), true);
    }

    /**
     * Reads UTF-8 JSON for a partial update (PATCH); see {@link #readPartial(String, Map)}.
     *
     * @throws PayloadException listing every problem with its JSON path
     */
    public ItemDraft readPartial(String itemCode, byte[] json) {
        return engine.read(itemCode, engine.parse(Objects.requireNonNull(json, "json")), true);
    }

    @Override
    public String toString() {
        return "PayloadReader[" + integrationObject.code() + ", " + locale.toLanguageTag() + "]";
    }

    /** Builds a {@link PayloadReader}. */
    public static final class Builder {
        private final IntegrationObject integrationObject;
        private final TypeSystem typeSystem;
        private Locale locale = Locale.ENGLISH;

        private Builder(IntegrationObject integrationObject, TypeSystem typeSystem) {
            this.integrationObject = Objects.requireNonNull(integrationObject, "integrationObject");
            this.typeSystem = Objects.requireNonNull(typeSystem, "typeSystem");
        }

        /** The language of localized attributes given as plain strings (default English). */
        public Builder locale(Locale locale) {
            this.locale = Objects.requireNonNull(locale, "locale");
            return this;
        }

        /**
         * Validates the definition against the type system and compiles the reader.
         *
         * @throws InvalidDefinitionException listing every problem of the definition with its path
         */
        public PayloadReader build() {
            IntegrationObjectValidator.create().requireValid(integrationObject, typeSystem);
            return new PayloadReader(integrationObject, typeSystem, locale,
                    ReadEngine.compile(integrationObject, typeSystem, locale));
        }
    }
}
