package dev.ioflow.core;

import dev.ioflow.core.internal.sap.ItemsXmlReader;
import dev.ioflow.core.internal.sap.SapItemTypes;
import dev.ioflow.core.internal.types.DerivedSchema;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import java.util.Set;

/**
 * SAP Commerce's type system as data, for {@code Map} items: the platform's types from ioflow's built-in catalog
 * (catalogs, products and variants, categories, prices, units, currencies, languages, countries and regions,
 * users, customers, addresses, orders and their entries, media, classification, consumed destinations and
 * credentials, integration objects themselves), a project's own {@code items.xml} files read on top of it, and,
 * for what neither knows, the types and attributes the integration objects themselves declare. Types keep their
 * supertypes ({@code GenericVariantProduct} extends {@code VariantProduct} extends {@code Product}, and inherits
 * its attributes) and the attributes the platform declares unique ({@code Product.code} and
 * {@code Product.catalogVersion}, {@code Catalog.id}, {@code Currency.isocode}, …), which SAP makes part of an
 * item's integration key even when the integration object does not flag them. An attribute (or relation end)
 * declared {@code <modifiers optional="false"/>} without a {@code <defaultvalue>} is
 * {@link AttributeDescriptor#mandatory() mandatory}: non-nullable in an inbound service's {@code $metadata}, and
 * required on create there. Integration-object definitions (JSON or ImpEx) carry no such modifier, so attributes
 * derived from them are optional. Immutable and thread-safe.
 *
 * <pre>{@code
 * List<IntegrationObject> ios = ImpexImporter.create().read(Path.of("genericproduct.impex"));
 * SapTypeSystem types = SapTypeSystem.builder()
 *         .itemsXml(Path.of("myextension/resources/myextension-items.xml"))
 *         .deriveUnknownFrom(ios)
 *         .build();
 * IntegrationObjectValidator.create().requireValid(ios.get(0), types);
 * }</pre>
 *
 * <p>Attribute values are read with {@code map.get(qualifier)}; enum values are items with a {@code code}. With a
 * {@link Builder#discriminator(String) discriminator}, {@link #typeOf(Object)} reads a map's type from that key.
 *
 * @since 1.0
 */
public final class SapTypeSystem implements TypeSystem {
    private final Map<String, ItemType> types;
    private final @Nullable String discriminator;

    private SapTypeSystem(Map<String, ItemType> types, @Nullable String discriminator) {
        this.types = types;
        this.discriminator = discriminator;
    }

    /** The built-in catalog of SAP platform types alone; read once per class loader and shared (it is immutable). */
    public static SapTypeSystem platform() {
        return PlatformCatalog.TYPES;
    }

    /** Holds the platform-only type system, read on first use (the initialization-on-demand holder idiom). */
    private static final class PlatformCatalog {
        static final SapTypeSystem TYPES = builder().build();
    }

    /** Starts a type system: the built-in platform catalog, plus what the builder adds. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public @Nullable ItemType find(String code) {
        return types.get(code);
    }

    /** The type named by the map's discriminator key; null without a discriminator or for other items. */
    @Override
    public @Nullable ItemType typeOf(@Nullable Object item) {
        return discriminator != null && item instanceof Map<?, ?> map && map.get(discriminator) instanceof String code
                ? types.get(code) : null;
    }

    @Override
    public Set<String> codes() {
        return Collections.unmodifiableSet(types.keySet());
    }

    @Override
    public String toString() {
        return "SapTypeSystem[" + types.size() + " types]";
    }

    /** Builds a {@link SapTypeSystem}. */
    public static final class Builder {
        private boolean platformTypes = true;
        private final List<Path> files = new ArrayList<>();
        private final List<Map.Entry<String, byte[]>> streams = new ArrayList<>();
        private final DerivedSchema derived = new DerivedSchema();
        private @Nullable String discriminator;

        private Builder() {
        }

        /** Whether to start from the built-in catalog of platform types (default true). */
        public Builder platformTypes(boolean include) {
            this.platformTypes = include;
            return this;
        }

        /** Adds {@code items.xml} files, read in order after the catalog and any file added before. */
        public Builder itemsXml(Path... itemsXmlFiles) {
            for (Path file : itemsXmlFiles) {
                files.add(Objects.requireNonNull(file, "file"));
            }
            return this;
        }

        /** Adds the {@code items.xml} files of a list, in order. */
        public Builder itemsXml(List<Path> itemsXmlFiles) {
            return itemsXml(itemsXmlFiles.toArray(Path[]::new));
        }

        /**
         * Adds an {@code items.xml} read from a stream (read at once, not closed); problems are located at
         * {@code sourceName:line:column}.
         *
         * @throws IoflowException when the stream cannot be read
         */
        public Builder itemsXml(InputStream itemsXml, String sourceName) {
            try {
                streams.add(Map.entry(Objects.requireNonNull(sourceName, "sourceName"), itemsXml.readAllBytes()));
            } catch (IOException e) {
                throw new IoflowException("cannot read " + sourceName + ": " + e.getMessage(), e);
            }
            return this;
        }

        /**
         * Takes the types and attributes these definitions use that no {@code items.xml} declares as the
         * definitions declare them (as {@link MapTypeSystem#derivedFrom(IntegrationObject...)} does), so that a
         * project's own types work without their {@code items.xml}.
         */
        public Builder deriveUnknownFrom(List<IntegrationObject> definitions) {
            definitions.forEach(derived::add);
            return this;
        }

        /** The map key whose value is the item's type code, e.g. {@code itemtype}. */
        public Builder discriminator(String key) {
            this.discriminator = Objects.requireNonNull(key, "key");
            return this;
        }

        /**
         * Reads the catalog and the files and returns the type system.
         *
         * @throws DefinitionParseException listing every problem of every {@code items.xml}, each at {@code file:line:column}
         * @throws IoflowException          when a file cannot be read
         */
        public SapTypeSystem build() {
            ItemsXmlReader reader = new ItemsXmlReader();
            if (platformTypes) {
                reader.platform();
            }
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    reader.read(in, fileName(file));
                } catch (IOException e) {
                    throw new IoflowException("cannot read items.xml file " + file + ": " + e.getMessage(), e);
                }
            }
            streams.forEach(s -> reader.read(new ByteArrayInputStream(s.getValue()), s.getKey()));
            return new SapTypeSystem(new SapItemTypes(reader.resolve(), derived, discriminator).build(), discriminator);
        }

        private static String fileName(Path file) {
            Path name = file.getFileName();
            return name == null ? file.toString() : name.toString();
        }
    }
}
